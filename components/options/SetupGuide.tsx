import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_BASE_URL } from '@/lib/auth/profile';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, ActionView, ProfileInput, ProfileView, SendResult, SendTarget } from '@/lib/protocol';
import { Field } from '../Field';
import { TargetPicker } from '../TargetPicker';
import { useRequest } from '../useRequest';
import { defaultActionIds, scopesForActionViews } from './action-scopes';
import { AppManifest } from './AppManifest';
import { requestBaseUrlHost } from './base-url-host';
import { CreateAppLink } from './CreateAppLink';
import { NextStep } from './NextStep';

interface Props {
  accounts: AccountSummary[];
  redirectUrl: string;
}

type StepState = 'done' | 'current' | 'todo';
type Outcome = { text: string; failed: boolean; busy?: boolean } | null;

const NAME = 'Courier for Slack';
const TEST_TEXT = 'Courier is set up: what you send from the browser arrives like this.';
/** A new app's bot is in no channel yet: a public one it may join, and the failed send it replaces. */
interface JoinAndSend {
  to: AccountSummary;
  target: SendTarget;
  outboxId?: string;
}
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function Step(props: { title: string; state: StepState; children?: preact.ComponentChildren }) {
  return (
    <li data-state={props.state} aria-current={props.state === 'current' ? 'step' : undefined}>
      <h3>
        {props.title}
        {props.state === 'done' && <span class="visually-hidden"> (done)</span>}
      </h3>
      {props.children}
    </li>
  );
}

function Said({ outcome }: { outcome: Outcome }) {
  return (
    <p role={outcome?.failed ? 'alert' : 'status'} class={outcome?.failed ? 'error' : 'muted'}>
      {outcome?.text ?? ''}
    </p>
  );
}

/**
 * The first run, from nothing to a first message: create the Slack app (one link), paste its
 * credentials, connect a workspace, send a test message. Each step shows as done once it is, and a
 * failure is said in the step where it happened.
 */
/** The guide once what it shows is read; its loads happen only while it is shown. */
export function SetupGuide({ accounts, redirectUrl }: Props) {
  const [profiles] = useRequest(() => ask('profiles.list', {}), ['profiles']);
  const [catalog] = useRequest(() => ask('actions.list', {}));
  if (profiles.status !== 'done' || catalog.status !== 'done') return null;
  return <Guide profiles={profiles.value} accounts={accounts} actions={catalog.value} redirectUrl={redirectUrl} />;
}

function Guide({
  profiles,
  accounts,
  actions,
  redirectUrl,
}: Props & { profiles: ProfileView[]; actions: ActionView[] }) {
  const profile = profiles[0];
  const account = accounts.find((candidate) => candidate.status !== 'needs_reconnect') ?? accounts[0];
  const ids = defaultActionIds(actions);
  const scopes = scopesForActionViews(actions, ids);
  const [baseUrl, setBaseUrl] = useState(DEFAULT_BASE_URL);
  const [pkce, setPkce] = useState(false);
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [connecting, setConnecting] = useState<Outcome>(null);
  const [sent, setSent] = useState<{ outcome: Outcome; result?: SendResult; joinable?: JoinAndSend }>({
    outcome: null,
  });
  // On by default: the first message proves the whole chain, and it saves the person a step.
  const [testAfterConnect, setTestAfterConnect] = useState(true);
  const [testTarget, setTestTarget] = useState<SendTarget | null>(null);
  const connectButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement>(null);

  // Where the person is: a saved profile waits for Connect, so that button is in view and focused.
  useEffect(() => {
    if (profile && !account) {
      connectButton.current?.scrollIntoView({ block: 'center' });
      connectButton.current?.focus();
    }
  }, [Boolean(profile), Boolean(account)]);

  const source = { name: NAME, botScopes: scopes.bot, userScopes: scopes.user, redirectUrl };
  const draft: ProfileInput = {
    name: NAME,
    baseUrl,
    clientType: pkce ? 'public' : 'confidential',
    clientId,
    clientSecret: pkce ? '' : clientSecret,
    botScopes: scopes.bot.join(', '),
    userScopes: scopes.user.join(', '),
    actions: ids,
  };

  const connect = async () => {
    setConnecting({ text: 'Waiting for you to allow Courier in the Slack window…', failed: false, busy: true });
    try {
      let profileId = profile?.id;
      if (!profileId) {
        // Asked before anything is awaited: browsers grant host permissions only inside the click.
        const refused = await requestBaseUrlHost(baseUrl);
        if (refused) {
          setErrors({ baseUrl: `Courier needs permission to reach ${refused}. Allow it when asked.` });
          setConnecting(null);
          return;
        }
        const saved = await ask('profiles.save', draft);
        if ('errors' in saved) {
          setErrors(saved.errors);
          setConnecting({ text: 'Fix the credentials in step 2, then press Connect workspace again.', failed: true });
          firstField.current?.focus();
          return;
        }
        setErrors({});
        profileId = saved.saved.id;
      }
      const linked = await ask('workspaces.connect', { profileId });
      setConnecting({ text: `Linked ${linked.teamName}.`, failed: false });
      if (testAfterConnect) await sendTest(linked, null);
    } catch (error) {
      setConnecting({ text: messageOf(error), failed: true });
    }
  };

  /** To the chosen channel or person, or else as a direct message to whoever linked the workspace. */
  const sendTest = async (to: AccountSummary, chosen: SendTarget | null) => {
    const me = to.authedUserId;
    const target =
      chosen ?? (me && { key: `${to.id}:${me}`, accountId: to.id, id: me, label: `you in ${to.teamName}` });
    if (!target) {
      setSent({ outcome: { text: 'Courier does not know who linked this workspace. Reconnect it.', failed: true } });
      return;
    }
    setSent({ outcome: { text: 'Sending…', failed: false } });
    try {
      const [result] = await ask('send', {
        targets: [target],
        share: { kind: 'page', title: '', url: '', comment: TEST_TEXT },
        unfurl: false,
      });
      if (result?.state === 'sent') {
        setSent({ result, outcome: { text: `Sent to ${target.label}.`, failed: false } });
      } else {
        const text = result?.error?.message ?? 'Slack did not take the message.';
        const joinable = result?.error?.canJoin ? { to, target, outboxId: result.outboxId } : undefined;
        setSent({ outcome: { text, failed: true }, ...(joinable ? { joinable } : {}) });
      }
    } catch (error) {
      setSent({ outcome: { text: messageOf(error), failed: true } });
    }
  };

  const joinAndSend = async ({ to, target, outboxId }: JoinAndSend) => {
    try {
      await ask('conversation.join', { accountId: to.id, channel: target.id });
      // The failed send stayed in the outbox; the one after joining replaces it.
      if (outboxId) await ask('outbox.discard', { id: outboxId }).catch(() => undefined);
      await sendTest(to, target);
    } catch (error) {
      setSent({ outcome: { text: messageOf(error), failed: true } });
    }
  };

  const made = Boolean(profile);
  const linked = Boolean(account);
  const state = (done: boolean, current: boolean): StepState => (done ? 'done' : current ? 'current' : 'todo');
  return (
    <section id="setup" class="setup" aria-labelledby="setup-title">
      <h2 id="setup-title">Set up Courier</h2>
      <p>From nothing to your first message in four steps. Courier shows where you are.</p>
      <ol class="steps">
        <Step title="Create the Slack app" state={state(made, !made)}>
          {made ? (
            <p class="muted">Done: your Slack app exists.</p>
          ) : (
            <>
              <CreateAppLink source={source} baseUrl={baseUrl} pkce={pkce} />
              <details class="setup-more">
                <summary>Not on slack.com, or no client secret?</summary>
                <Field
                  id="setup-base-url"
                  label="Slack base URL"
                  error={errors.baseUrl}
                  hint="https://slack.com, or https://slack-gov.com for GovSlack"
                >
                  {(props) => (
                    <input {...props} type="url" value={baseUrl} onInput={(e) => setBaseUrl(e.currentTarget.value)} />
                  )}
                </Field>
                <label class="block">
                  <input type="checkbox" checked={pkce} onChange={(e) => setPkce(e.currentTarget.checked)} /> Use PKCE
                  instead of a client secret (public client)
                </label>
              </details>
              <AppManifest source={source} />
            </>
          )}
        </Step>
        <Step title="Paste the app’s credentials" state={state(made, !made)}>
          {made && <p class="muted">Done: the profile “{profile?.name}” holds them.</p>}
          {!made && (
            <>
              <Field id="setup-client-id" label="Client ID" error={errors.clientId} hint="e.g. 1234567890.1234567890">
                {(props) => (
                  <input
                    {...props}
                    ref={firstField}
                    value={clientId}
                    autoComplete="off"
                    spellcheck={false}
                    onInput={(e) => setClientId(e.currentTarget.value.trim())}
                  />
                )}
              </Field>
              {!pkce && (
                <Field
                  id="setup-client-secret"
                  label="Client secret"
                  error={errors.clientSecret}
                  hint="Stored encrypted in this browser; never shown again."
                >
                  {(props) => (
                    <input
                      {...props}
                      type="password"
                      autoComplete="off"
                      value={clientSecret}
                      onInput={(e) => setClientSecret(e.currentTarget.value.trim())}
                    />
                  )}
                </Field>
              )}
            </>
          )}
        </Step>
        <Step title="Connect workspace" state={state(linked, !linked)}>
          {!linked && (
            <>
              <p class="muted">Slack asks you which workspace, and to allow Courier there.</p>
              <label class="block">
                <input
                  type="checkbox"
                  checked={testAfterConnect}
                  onChange={(e) => setTestAfterConnect(e.currentTarget.checked)}
                />{' '}
                Then send me a test message
              </label>
              <button
                ref={connectButton}
                type="button"
                class="primary"
                onClick={() => void connect()}
                disabled={connecting?.busy === true}
              >
                Connect workspace
              </button>
            </>
          )}
          {/* One live line for the step, so its news is announced where the person is. */}
          <Said outcome={account ? { text: `Done: ${account.teamName} is linked.`, failed: false } : connecting} />
        </Step>
        <Step title="Send a test message" state={state(Boolean(sent.result), linked)}>
          {linked && (
            <>
              <TargetPicker
                selected=""
                label="Channel"
                placeholder="Leave empty for a direct message to you"
                onChange={setTestTarget}
              />
              <p class="muted">
                {testTarget
                  ? `The test message goes to ${testTarget.label}.`
                  : `Empty: a direct message to you from the app, in ${account?.teamName ?? 'Slack'}.`}
              </p>
              <button type="button" class="primary" onClick={() => account && void sendTest(account, testTarget)}>
                Send a test message
              </button>
              <Said outcome={sent.outcome} />
              {sent.joinable && (
                <button type="button" onClick={() => sent.joinable && void joinAndSend(sent.joinable)}>
                  Join {sent.joinable.target.label} and send
                </button>
              )}
              {sent.result?.permalink?.startsWith('https://') && (
                <p>
                  <a href={sent.result.permalink} target="_blank" rel="noopener noreferrer">
                    Open in Slack
                  </a>
                </p>
              )}
              {sent.result && <NextStep />}
            </>
          )}
        </Step>
      </ol>
    </section>
  );
}
