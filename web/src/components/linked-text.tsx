import { splitLinks } from './text-links';

/**
 * What someone wrote, its web addresses as links that open in a new tab (`noopener noreferrer`):
 * a release note's test server, a comment's link. The text itself is never read as HTML.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, index) =>
        'url' in part ? (
          <a key={index} href={part.url} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
