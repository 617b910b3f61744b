// The platform's region layer (BuildingBlocks/Peru/Regions.cs): 24 departments, Callao, and Lima split into Lima
// Metropolitana and Lima Provincias. Proper names, the same in both languages; public pages need them before sign-in.
export const regions = [
  ['PE-AMA', 'Amazonas'], ['PE-ANC', 'Áncash'], ['PE-APU', 'Apurímac'], ['PE-ARE', 'Arequipa'], ['PE-AYA', 'Ayacucho'],
  ['PE-CAJ', 'Cajamarca'], ['PE-CAL', 'Callao'], ['PE-CUS', 'Cusco'], ['PE-HUV', 'Huancavelica'], ['PE-HUC', 'Huánuco'],
  ['PE-ICA', 'Ica'], ['PE-JUN', 'Junín'], ['PE-LAL', 'La Libertad'], ['PE-LAM', 'Lambayeque'], ['PE-LMA', 'Lima Metropolitana'],
  ['PE-LIM', 'Lima Provincias'], ['PE-LOR', 'Loreto'], ['PE-MDD', 'Madre de Dios'], ['PE-MOQ', 'Moquegua'], ['PE-PAS', 'Pasco'],
  ['PE-PIU', 'Piura'], ['PE-PUN', 'Puno'], ['PE-SAM', 'San Martín'], ['PE-TAC', 'Tacna'], ['PE-TUM', 'Tumbes'], ['PE-UCA', 'Ucayali'],
] as const satisfies readonly (readonly [string, string])[];

const names = new Map<string, string>(regions);

export const regionName = (code: string): string => names.get(code) ?? code;
