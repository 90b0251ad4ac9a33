/** A comment's text, who wrote it and when, and its Delete link: how every list of comments shows one. */
export function CommentBody({ comment, onDelete }: { comment: { text: string; author: string; createdAt: string }; onDelete: () => void }) {
  return (
    <>
      <p className="comment-text">{comment.text}</p>
      <div className="comment-meta">
        <span>
          {comment.author} · {new Date(comment.createdAt).toLocaleString()}
        </span>
        <button type="button" className="link-button" onClick={onDelete}>
          Delete
        </button>
      </div>
    </>
  );
}
