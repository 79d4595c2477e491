// Read by `cem analyze` (npm run analyze). The analyzer lists modules in the order its file glob returns
// them, which varies between runs and machines; sorting them by path makes the committed manifest change
// only when the elements' API does.
export default {
  plugins: [
    {
      name: 'levelfit-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
