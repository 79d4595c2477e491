/**
 * `imsmanifest.xml` for SCORM 2004 4th Edition: IMS Content Packaging 1.1.4 (`http://www.imsglobal.org/xsd/imscp_v1p1`)
 * with ADL's `adlcp` (v1p3) and `adlseq` (v1p3) extensions and IMS Simple Sequencing (`imsss`), `schema`
 * "ADL SCORM", `schemaversion` "2004 4th Edition"; one organization with one item that launches the SCO.
 *
 * Sequencing says what the SCO does: it sets its own completion and success (`deliveryControls`), and the
 * primary objective is satisfied by measure at the bank's pass mark (`cmi.scaled_passing_score` for the SCO,
 * the same rule the quiz applies). Objectives stay within the course (`objectivesGlobalToSystem="false"`):
 * the SCO's objective ids are the framework's item ids, which other courses may use for other things.
 */
import type { CourseInfo } from './course.js';
import { formatReal } from '../interaction.js';
import { xmlAttr, xmlText } from './xml.js';

/** The SCORM 2004 4th Edition manifest of a one-SCO course. */
export function scorm2004Manifest(course: CourseInfo): string {
  const id = xmlAttr(course.identifier);
  const title = xmlText(course.title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${xmlAttr(course.version)}"
          xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
          xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org" adlseq:objectivesGlobalToSystem="false">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${id}-passed" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${formatReal(course.passMark)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${xmlAttr(course.launch)}">
${course.files.map((f) => `      <file href="${xmlAttr(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}
