export function ActionsSection() {
  return (
    <section id="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      <p>
        Courier runs Slack&apos;s actions for a linked workspace: messages, scheduled messages, conversations, members,
        invites, files, users, presence and Slack Connect. Each profile enables the actions you choose; the scopes they
        need are requested when you connect.
      </p>
      <p class="muted">Link a workspace to run actions here.</p>
    </section>
  );
}
