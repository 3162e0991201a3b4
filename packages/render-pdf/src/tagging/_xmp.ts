// The PDF/UA-1 identification in the document's XMP metadata. PDF/A allows in XMP only the schemas it
// predefines and those the file declares with a PDF/A extension schema (ISO 19005-2, 6.6.2.3), and
// pdfuaid is not predefined: so with PDF/A the declaration goes in too, and the file stays PDF/A.

/** `pdfuaid:part` (ISO 14289-1, 5). */
export const PDFUA_ID = `
        <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`;

/** The PDF/A extension schema that declares the pdfuaid namespace and its one property. */
export const PDFUA_EXTENSION_SCHEMA = `
        <rdf:Description rdf:about=""
            xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
            xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Part of ISO 14289 to which the file conforms</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>`;

/**
 * The XMP the engine adds for a document with pdfkit `subset` option `subset` (pdfkit writes the
 * identification itself for 'PDF/UA', and can write only one subset).
 */
export function pdfuaXmp(subset: string | undefined): string {
  if (subset === 'PDF/UA') return '';
  return subset?.startsWith('PDF/A') ? PDFUA_ID + PDFUA_EXTENSION_SCHEMA : PDFUA_ID;
}
