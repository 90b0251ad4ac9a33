/** A chosen file's bytes as base64, for the API: the browser cannot hand the back a path. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`${file.name} could not be read: ${reader.error?.message ?? 'unknown error'}.`));
    reader.readAsDataURL(file);
  });
}
