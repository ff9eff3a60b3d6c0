// Stand-in for lottie-web / lottie-react / @nutui/lottie-miniprogram, which NutUI's full build imports and jsdom cannot run.
const Lottie = () => null;
export default Lottie;
export const loadAnimation = () => ({ destroy: () => undefined, play: () => undefined, stop: () => undefined });
