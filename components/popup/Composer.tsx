import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ChannelPicker } from '@/components/ChannelPicker';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, SendRequest, SendResult } from '@/lib/protocol';
import { isUploadShare, type Share } from '@/lib/share/share';
import { uploadFraction, type UploadProgressView } from '@/lib/share/upload-progress';
import { formatWhen } from '../When';
import { defaultPostTime, localTimeZone, postAtFrom, SCHEDULE_PRESETS, toLocalInput } from './schedule';
import { sendTargets } from './send-targets';
import { SendResults, summarize, type SentBatch } from './SendResults';
import { SharePreview } from './SharePreview';
import { SiteChannel } from './SiteChannel';
import { cancelUpload, startUpload } from './upload';
import type { DirectoryView } from './useDirectory';
import { useTargetPrefs } from './useTargetPrefs';
import './composer.css';

export interface ComposerProps {
  /** What the page offers (the page, a link, a quoted selection…); null sends only the message. */
  share: Share | null;
  directory: DirectoryView;
  /** Linked workspaces, for Reconnect after a failed send. */
  accounts: readonly AccountSummary[];
  /** After every answer from the background: lists of scheduled or queued messages reload. */
  onSent?: (results: SendResult[]) => void;
  /** Beside the preview: the screenshot buttons (Screenshot.tsx); a screenshot's pixel size. */
  tools?: ComponentChildren;
  shareSize?: { width: number; height: number };
}

/** Nothing from the page: only the comment is posted. */
const NO_SHARE: Share = { kind: 'page', title: '', url: '' };
const THREAD_LINK = /^https?:\/\/[^/]+\/archives\/[A-Z0-9]+\/p\d{7,}/i;
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * What the send button does, in its own words: "Send", "Send to 3", "Send · Tomorrow, 9:00". It
 * starts with "Send" whatever follows, and its text is its whole accessible name.
 */
export function sendText(targets: number, scheduled?: { postAt: number } | { error: string }): string {
  const to = targets > 1 ? ` to ${targets}` : '';
  const at = scheduled && 'postAt' in scheduled ? ` · ${formatWhen(scheduled.postAt * 1000)}` : '';
  return `Send${to}${at}`;
}

interface Notice {
  text: string;
  failed: boolean;
  /** Already shown next to its field: only announced here. */
  field?: boolean;
}

/**
 * Composes a share for Slack: what the page offers, a comment, the targets, and how to send (in a
 * thread, later, with or without link previews). Ctrl+Enter (⌘+Enter) sends from any field.
 * Shows what happened per target, with Open in Slack, Edit and Delete for a minute, and a way out of
 * each failure. What was typed is kept when anything failed.
 */
export function Composer({ share, directory, accounts, onSent, tools, shareSize }: ComposerProps) {
  const id = useId();
  const [comment, setComment] = useState(share?.comment ?? '');
  const [selected, setSelected] = useState<string[]>([]);
  const [threadLink, setThreadLink] = useState('');
  const [later, setLater] = useState(false);
  const [when, setWhen] = useState(defaultPostTime);
  // Unset: as the share suggests (a quote is sent without the source page's preview).
  const [unfurlChoice, setUnfurl] = useState<boolean | null>(null);
  const unfurl = unfurlChoice ?? share?.kind !== 'selection';
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<{ message?: string; targets?: string; thread?: string; when?: string }>({});
  const [notice, setNotice] = useState<Notice>({ text: '', failed: false });
  const [batch, setBatch] = useState<SentBatch | null>(null);
  /** The running upload of an image or file share, for its progress bar and Cancel. */
  const [upload, setUpload] = useState<{ id: string; progress?: UploadProgressView } | null>(null);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const prefs = useTargetPrefs();
  const index = directory.status === 'ready' ? directory.index : undefined;
  const url = share?.kind === 'page' ? share.url : share?.pageUrl;

  const announce = (text: string, failed = false) => setNotice({ text, failed });

  const chooseTime = (value: string) => {
    setWhen(value);
    if (errors.when) setErrors({ ...errors, when: undefined });
  };

  const request = (): SendRequest | null => {
    const targets = sendTargets(index, selected);
    const link = threadLink.trim();
    const scheduled = later ? postAtFrom(when) : undefined;
    const found = {
      ...(!share && !comment.trim() ? { message: 'Type a message: this tab has nothing else to send.' } : {}),
      ...(targets.length === 0 ? { targets: 'Choose at least one channel or person.' } : {}),
      ...(link && !THREAD_LINK.test(link)
        ? { thread: 'Paste a Slack message link (in Slack: More actions → Copy link).' }
        : {}),
      ...(scheduled && 'error' in scheduled ? { when: scheduled.error } : {}),
      ...(later && share && isUploadShare(share)
        ? { when: 'Slack cannot schedule files. Untick "Schedule for later" to send it now.' }
        : {}),
    };
    setErrors(found);
    const first = Object.values(found)[0];
    if (first) {
      setNotice({ text: first, failed: true, field: true });
      return null;
    }
    return {
      targets,
      share: { ...(share ?? NO_SHARE), comment },
      unfurl,
      ...(link ? { threadLink: link } : {}),
      ...(scheduled && 'postAt' in scheduled ? { postAt: scheduled.postAt } : {}),
    };
  };

  /** Text goes through the outbox; images and files are fetched and uploaded, with progress. */
  const deliver = (next: SendRequest): Promise<SendResult[]> => {
    const { share: sharing, targets, threadLink: link } = next;
    if (!isUploadShare(sharing)) return ask('send', next);
    const started = startUpload({ share: sharing, targets, ...(link ? { threadLink: link } : {}) }, (progress) =>
      setUpload((current) => (current?.id === started.uploadId ? { ...current, progress } : current)),
    );
    setUpload({ id: started.uploadId });
    return started.results.finally(() => setUpload(null));
  };

  const send = async () => {
    if (sending) return;
    const next = request();
    if (!next) return;
    setSending(true);
    announce(next.postAt ? 'Scheduling…' : isUploadShare(next.share) ? 'Uploading…' : 'Sending…');
    try {
      const results = await deliver(next);
      const sentAt = Date.now();
      setBatch({ share: next.share, entries: results.map((result) => ({ result, sentAt })) });
      announce(
        summarize(results),
        results.some((result) => result.state === 'failed'),
      );
      if (results.every((result) => result.state !== 'failed')) {
        setComment('');
        setThreadLink('');
        setLater(false);
      }
      onSent?.(results);
    } catch (error) {
      announce(messageOf(error), true);
    } finally {
      setSending(false);
    }
  };

  /** The same share to one target again (after joining, an invite or a reconnect). */
  const resend = async (previous: SendResult) => {
    if (!batch?.entries.some(({ result }) => result === previous)) return;
    announce('Sending…');
    try {
      const [result] = await deliver({
        targets: [{ key: previous.key, accountId: previous.accountId, id: previous.channel, label: previous.label }],
        share: batch.share,
        unfurl,
      });
      if (!result) return;
      // The failed item stayed in the outbox (uploads too); this send replaces it.
      if (previous.outboxId) await ask('outbox.discard', { id: previous.outboxId }).catch(() => undefined);
      const sentAt = Date.now();
      setBatch((current) =>
        current
          ? {
              ...current,
              entries: current.entries.map((entry) => (entry.result === previous ? { result, sentAt } : entry)),
            }
          : current,
      );
      announce(summarize([result]), result.state === 'failed');
      onSent?.([result]);
    } catch (error) {
      announce(messageOf(error), true);
    }
  };

  // Opening the composer is the start of a share: the keyboard goes to the message at once.
  const messageRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => messageRef.current?.focus(), []);

  const sendRef = useRef(send);
  sendRef.current = send;
  useEffect(() => {
    const fields = fieldsRef.current;
    if (!fields) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // The picker takes Enter for the highlighted result; anything it handled is not a send.
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      event.preventDefault();
      void sendRef.current();
    };
    fields.addEventListener('keydown', onKeyDown);
    return () => fields.removeEventListener('keydown', onKeyDown);
  }, []);

  const invalid = (message: string | undefined, errorId: string) =>
    message ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  return (
    <section class="composer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="visually-hidden">
        Send to Slack
      </h2>
      <div class="composer__preview">
        <SharePreview share={share} {...(shareSize ? { size: shareSize } : {})} />
        {tools}
      </div>
      <div ref={fieldsRef} class="composer__fields">
        <div class="field">
          <label htmlFor={`${id}-message`}>Message</label>
          <textarea
            ref={messageRef}
            id={`${id}-message`}
            rows={3}
            value={comment}
            placeholder="Add a comment (optional)"
            aria-describedby={errors.message ? `${id}-message-error ${id}-keys` : `${id}-keys`}
            aria-invalid={errors.message ? true : undefined}
            onInput={(event) => setComment(event.currentTarget.value)}
          />
          {errors.message && (
            <small class="error" id={`${id}-message-error`}>
              {errors.message}
            </small>
          )}
        </div>
        {index ? (
          <ChannelPicker
            index={index}
            selected={selected}
            onChange={(next) => {
              setSelected(next);
              if (errors.targets) setErrors({ ...errors, targets: undefined });
            }}
            recents={prefs.recents}
            favourites={prefs.favourites}
            onToggleFavourite={prefs.toggleFavourite}
            label="Channels and people"
            placeholder="Type a name; add as many as you like"
            listHeight={192}
          />
        ) : (
          <p class="muted composer__directory" role="status">
            {directory.status === 'failed'
              ? `Channels could not be read: ${directory.message}`
              : 'Loading channels and people…'}
          </p>
        )}
        {errors.targets && (
          <p class="error composer__error" id={`${id}-targets-error`}>
            {errors.targets}
          </p>
        )}
        {index && url && (
          <SiteChannel
            url={url}
            index={index}
            accountIds={directory.status === 'ready' ? directory.accountIds : []}
            selected={selected}
            select={setSelected}
          />
        )}
        {directory.status === 'ready' &&
          directory.workspaces > 0 &&
          accounts
            .filter((account) => account.status === 'needs_reconnect' && !directory.accountIds.includes(account.id))
            .map((account) => (
              <p key={account.id} class="muted composer__directory">
                Courier can't read {account.teamName}'s channels and people until it reconnects.
              </p>
            ))}
        {directory.status === 'ready' && directory.workspaces === 0 && (
          <p class="muted composer__directory">
            {directory.refreshing
              ? 'Courier is reading your workspaces’ channels and people for the first time…'
              : 'Courier could not read your workspaces’ channels and people yet. It tries again every few minutes; if this lasts, reconnect the workspace in the options.'}
          </p>
        )}
        <div class="field">
          <label htmlFor={`${id}-thread`}>Reply in thread</label>
          <input
            id={`${id}-thread`}
            type="url"
            value={threadLink}
            placeholder="Paste a message link (optional)"
            {...invalid(errors.thread, `${id}-thread-error`)}
            onInput={(event) => setThreadLink(event.currentTarget.value)}
          />
          {errors.thread && (
            <small class="error" id={`${id}-thread-error`}>
              {errors.thread}
            </small>
          )}
        </div>
        <div class="composer__options">
          <span class="check">
            <input
              id={`${id}-later`}
              type="checkbox"
              checked={later}
              onChange={(event) => setLater(event.currentTarget.checked)}
            />
            <label htmlFor={`${id}-later`}>Schedule for later</label>
          </span>
          <span class="check">
            <input
              id={`${id}-unfurl`}
              type="checkbox"
              checked={unfurl}
              onChange={(event) => setUnfurl(event.currentTarget.checked)}
            />
            <label htmlFor={`${id}-unfurl`}>Unfurl links</label>
          </span>
        </div>
        {later && (
          <div class="field composer__when">
            <label htmlFor={`${id}-when`}>Send at</label>
            <div class="composer__when-row">
              <input
                id={`${id}-when`}
                type="datetime-local"
                value={when}
                {...(errors.when
                  ? invalid(errors.when, `${id}-when-error`)
                  : { 'aria-describedby': `${id}-when-hint` })}
                onInput={(event) => chooseTime(event.currentTarget.value)}
              />
              <div class="composer__presets" role="group" aria-label="Quick times">
                {SCHEDULE_PRESETS.map((preset) => {
                  const value = toLocalInput(preset.at(new Date()));
                  return (
                    <button
                      key={preset.label}
                      type="button"
                      class="composer__preset"
                      aria-pressed={when === value}
                      onClick={() => chooseTime(value)}
                    >
                      {preset.label}
                    </button>
                  );
                })}
              </div>
            </div>
            {errors.when ? (
              <small class="error" id={`${id}-when-error`}>
                {errors.when}
              </small>
            ) : (
              <small class="muted" id={`${id}-when-hint`}>
                Your time zone: {localTimeZone()}
              </small>
            )}
          </div>
        )}
        <div class="composer__send">
          <small id={`${id}-keys`} class="muted">
            {IS_MAC ? '⌘+Enter' : 'Ctrl+Enter'} sends.
          </small>
          <button type="button" class="primary" aria-disabled={sending} onClick={() => void send()}>
            {sendText(selected.length, later ? postAtFrom(when) : undefined)}
          </button>
        </div>
      </div>
      {upload && (
        <div class="composer__upload">
          <progress aria-label="Upload progress" max={1} value={uploadFraction(upload.progress)} />
          <button type="button" onClick={() => void cancelUpload(upload.id).catch(() => undefined)}>
            Cancel upload
          </button>
        </div>
      )}
      <p
        role="status"
        class={`composer__status${notice.failed ? ' error' : ''}${notice.field ? ' visually-hidden' : ''}`}
        data-testid="send-status"
      >
        {notice.text}
      </p>
      {batch && <SendResults batch={batch} accounts={accounts} onResend={resend} announce={announce} />}
    </section>
  );
}
