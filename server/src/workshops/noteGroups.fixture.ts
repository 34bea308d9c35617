/**
 * 60 citizen notes from a "What matters to you?" / "Hvad er vigtigt for dig?" / "Hva er viktig for deg?"
 * round, written as people write them on a board: Danish, Bokmål and Nynorsk mixed, short, with the
 * overlaps real notes have (after-school hanging out, a skatepark is a park, a bench at the bus stop).
 * Five themes, twelve notes each (5 da, 4 nb, 3 nn). Used by the unit test and the bench.
 */

export type Theme = 'school-road' | 'green' | 'elderly' | 'youth' | 'bus';

export const FIXTURE_NOTES: ReadonlyArray<{ id: string; theme: Theme; text: string }> = [
  // Traffic and a safe way to school
  { id: 'a1', theme: 'school-road', text: 'Sikker skolevej – bilerne kører alt for hurtigt forbi skolen om morgenen' },
  { id: 'a2', theme: 'school-road', text: 'Fodgængerfelt ved Bakkevej, så børnene kan krydse vejen sikkert' },
  { id: 'a3', theme: 'school-road', text: 'Cykelsti hele vejen til skolen. Jeg tør ikke lade min datter cykle' },
  { id: 'a4', theme: 'school-road', text: 'Max 30 km/t ved skolen og børnehaven' },
  { id: 'a5', theme: 'school-road', text: 'Farlig trafik ved skolen når forældre sætter børn af i bil' },
  { id: 'a6', theme: 'school-road', text: 'Tryggere skolevei! Det kjøres altfor fort forbi skolen' },
  { id: 'a7', theme: 'school-road', text: 'Fotgjengerfelt og fartsdumper, barna må kunne krysse veien trygt' },
  { id: 'a8', theme: 'school-road', text: 'Sykkelsti til skolen så barna kan sykle alene' },
  { id: 'a9', theme: 'school-road', text: 'Farlig trafikk i krysset ved skolen om morgenen' },
  { id: 'a10', theme: 'school-road', text: 'Trygg skuleveg for borna, bilane køyrer for fort' },
  { id: 'a11', theme: 'school-road', text: 'Fartsdump og lys ved gangfeltet ved skulen' },
  { id: 'a12', theme: 'school-road', text: 'Sykkelveg til skulen, det er farleg trafikk langs vegen' },
  // Green areas and nature
  { id: 'b1', theme: 'green', text: 'Flere grønne områder og træer i byen' },
  { id: 'b2', theme: 'green', text: 'Bevar skoven bag stationen, den må ikke blive til parkering' },
  { id: 'b3', theme: 'green', text: 'En park med bænke hvor man kan sidde i skyggen' },
  { id: 'b4', theme: 'green', text: 'Plant blomster og vild natur i rabatterne for bierne' },
  { id: 'b5', theme: 'green', text: 'Adgang til naturen: stier ved søen og i skoven' },
  { id: 'b6', theme: 'green', text: 'Flere grøntområder og parker i sentrum' },
  { id: 'b7', theme: 'green', text: 'Ta vare på skogen og turstiene rundt byen' },
  { id: 'b8', theme: 'green', text: 'Plant flere trær langs gatene' },
  { id: 'b9', theme: 'green', text: 'Villblomster for biene i parken i stedet for plen' },
  { id: 'b10', theme: 'green', text: 'Ta vare på naturen og skogen nær bustadene' },
  { id: 'b11', theme: 'green', text: 'Grøne område der borna kan leike ute i naturen' },
  { id: 'b12', theme: 'green', text: 'Fleire tre og benker i parken' },
  // Loneliness and community for older people
  { id: 'c1', theme: 'elderly', text: 'Mange ældre sidder alene. Vi skal have et sted at mødes' },
  { id: 'c2', theme: 'elderly', text: 'Fællesspisning for ældre og ensomme i medborgerhuset' },
  { id: 'c3', theme: 'elderly', text: 'Besøgsvenner til ældre der ikke kommer ud af huset' },
  { id: 'c4', theme: 'elderly', text: 'Ensomhed blandt ældre er et stort problem' },
  { id: 'c5', theme: 'elderly', text: 'Et værested for pensionister med kaffe og hyggeligt samvær' },
  { id: 'c6', theme: 'elderly', text: 'Mange eldre er ensomme og trenger noen å snakke med' },
  { id: 'c7', theme: 'elderly', text: 'Møteplass for eldre med kaffe og fellesskap' },
  { id: 'c8', theme: 'elderly', text: 'Besøksvenn til eldre som bor alene' },
  { id: 'c9', theme: 'elderly', text: 'Felles middag for eldre og ensomme på frivilligsentralen' },
  { id: 'c10', theme: 'elderly', text: 'Eldre som bur åleine treng ein stad å møtast' },
  { id: 'c11', theme: 'elderly', text: 'Fellesskap for eldre, kaffi og prat på kvardagane' },
  { id: 'c12', theme: 'elderly', text: 'Ingen eldre skal vere einsame' },
  // Young people and leisure
  { id: 'd1', theme: 'youth', text: 'Et ungdomshus hvor de unge kan være om aftenen' },
  { id: 'd2', theme: 'youth', text: 'Flere fritidstilbud til unge, ikke kun fodbold' },
  { id: 'd3', theme: 'youth', text: 'Skatepark og multibane til de unge' },
  { id: 'd4', theme: 'youth', text: 'De unge hænger ud ved Netto fordi de ikke har andre steder at være' },
  { id: 'd5', theme: 'youth', text: 'Billigere fritidsaktiviteter så alle børn og unge kan være med' },
  { id: 'd6', theme: 'youth', text: 'Ungdomsklubb som er åpen i helgene' },
  { id: 'd7', theme: 'youth', text: 'Flere fritidstilbud for ungdom som ikke driver med idrett' },
  { id: 'd8', theme: 'youth', text: 'Et sted for ungdommen å henge etter skolen' },
  { id: 'd9', theme: 'youth', text: 'Skatepark og ballbinge for de unge' },
  { id: 'd10', theme: 'youth', text: 'Ungdomsklubb og fritidstilbod for dei unge' },
  { id: 'd11', theme: 'youth', text: 'Dei unge treng ein stad å vere på kveldane' },
  { id: 'd12', theme: 'youth', text: 'Gratis fritidsaktivitetar for ungdom' },
  // Buses and public transport
  { id: 'e1', theme: 'bus', text: 'Flere busafgange om aftenen og i weekenden' },
  { id: 'e2', theme: 'bus', text: 'Bussen kører kun hver time, det er for lidt' },
  { id: 'e3', theme: 'bus', text: 'Billigere buskort, det er dyrt at tage bussen' },
  { id: 'e4', theme: 'bus', text: 'Læskur ved busstoppestedet på Hovedgaden' },
  { id: 'e5', theme: 'bus', text: 'Bedre kollektiv trafik til landsbyerne' },
  { id: 'e6', theme: 'bus', text: 'Hyppigere bussavganger til sentrum' },
  { id: 'e7', theme: 'bus', text: 'Bussen må gå også på kveldstid' },
  { id: 'e8', theme: 'bus', text: 'Bedre kollektivtrafikk for de som ikke har bil' },
  { id: 'e9', theme: 'bus', text: 'Leskur og benk på bussholdeplassen' },
  { id: 'e10', theme: 'bus', text: 'Fleire bussar til og frå bygda' },
  { id: 'e11', theme: 'bus', text: 'Betre kollektivtilbod, bussen går for sjeldan' },
  { id: 'e12', theme: 'bus', text: 'Billegare bussbillett og fleire avgangar' },
];
