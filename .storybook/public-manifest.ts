/**
 * The custom-elements manifest as Storybook should see it: the elements' public API only.
 *
 * The analyzer lists every class member, including private and protected ones (`@state()` fields,
 * controllers, render helpers) and inherited base-class internals. Storybook turns each listed field into a
 * docs-table row and a control, so without this a designer meets dozens of controls for private objects
 * whose "default" is source code (`new DraftStore(this, …)`). Hidden here: private, protected and static
 * members, `_`/`#` names, and anything marked `@internal`. Pure: returns a filtered copy.
 */

interface ManifestMember {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  description?: string;
  [key: string]: unknown;
}

interface ManifestAttribute {
  name: string;
  fieldName?: string;
  [key: string]: unknown;
}

interface ManifestDeclaration {
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
  [key: string]: unknown;
}

interface Manifest {
  modules?: { declarations?: ManifestDeclaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** True for a member that is not part of an element's public API. */
export function isInternalMember(member: ManifestMember): boolean {
  return (
    (member.privacy !== undefined && member.privacy !== 'public') ||
    member.static === true ||
    /^[_#]/.test(member.name) ||
    /@internal\b/.test(member.description ?? '')
  );
}

export function publicManifest<T extends Manifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules?.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((d) => {
        if (!d.members) return d;
        const hidden = new Set(d.members.filter(isInternalMember).map((m) => m.name));
        return {
          ...d,
          members: d.members.filter((m) => !hidden.has(m.name)),
          ...(d.attributes ? { attributes: d.attributes.filter((a) => a.fieldName === undefined || !hidden.has(a.fieldName)) } : {}),
        };
      }),
    })),
  };
}
