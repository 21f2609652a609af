/** Text as base64 of its UTF-8 bytes (btoa alone takes Latin-1 only). Chunked: spreading a long array overflows the stack. */
export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
