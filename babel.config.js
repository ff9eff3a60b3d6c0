// babel-preset-taro compiles the app for both targets (options: https://docs.taro.zone/docs/next/babel-config).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
