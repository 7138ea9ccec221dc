// Ink loads React DevTools only when DEV=true; the bundled CLI never ships it.
export default {
  initialize() { /* nothing to set up */ },
  connectToDevTools() { /* no DevTools to reach */ },
};
