/** Before any file is open: what this area does, in the operator's terms. */
export function EmptyState() {
  return (
    <section className="empty pst-empty" aria-labelledby="pst-empty-title" data-testid="posture-empty">
      <h2 className="empty__title" id="pst-empty-title">
        Open the control plane&apos;s .env
      </h2>
      <p className="empty__text">
        Every <code>SENTINEL_*</code> setting is judged against the production checklist: network boundary, secrets, enrollment and identity, workload
        trust, change management, background services and the database.
      </p>
      <ul className="empty__list">
        <li>Fix values in place: recommended values in one click, fresh secrets from the generator.</li>
        <li>Review the exact diff before saving; the previous file is kept as a backup, and a file changed on disk meanwhile is never overwritten.</li>
        <li>Leave with a report: Markdown, JSON or printed, with secrets masked.</li>
      </ul>
    </section>
  );
}
