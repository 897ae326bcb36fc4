// Vite bundles a worker (here, the capture worklet) and gives its URL: `import url from './x?worker&url'`.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
