// Vite's `?raw` suffix imports a file's text (the Cedar schemas reach the browser this way, in the lazy Cedar chunk only).
declare module "*.cedarschema?raw" {
  const text: string;
  export default text;
}
