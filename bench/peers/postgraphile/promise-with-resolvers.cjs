// PostGraphile 5 declares Node >= 22 and calls Promise.withResolvers (Node 22+); on Node 20 the
// benchmark preloads this (node --require) into PostGraphile's process only.
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new this((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
