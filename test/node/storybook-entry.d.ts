// Storybook's web-components argTypes entry ships no types; the controls test uses only this.
declare module '@storybook/web-components/entry-preview-argtypes' {
  export const parameters: { docs: { extractArgTypes: (tagName: string) => Record<string, unknown> | null } };
}
