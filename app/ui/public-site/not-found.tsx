/** Any path under an office that no page claims: a 404 the public site layout renders inside the office's frame. */
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
