/**
 * Words Danish staff build guessable passwords from, roughly most used first (zxcvbn ranks a
 * dictionary by its order). zxcvbn-ts ships no Danish language package (npm has none, as of
 * December 2026) and its English lists miss "Sommer2025!!" and "Velkommen2025", so this list is
 * kept by hand: what IT departments see people choose when told to change their password (the
 * season or month and the year, "Velkommen" and "Kodeord" from first-day passwords), Danish
 * names, places, football clubs, everyday words, and the words of this service and its users'
 * workplace. Lower case; the password policy adds the spellings without æ, ø and å.
 *
 * A password made of one or two of these words, with digits, symbols or separators around them
 * ("Sommer2025!!", "Ishøj-1234", "Velkommen-Hjem!"), is refused (src/auth/password-policy.ts).
 * Add a word when one is seen in use; never remove one.
 */
export const DANISH_PASSWORD_WORDS: readonly string[] = [
  // First-day and reset passwords, and what they are called.
  'velkommen', 'kodeord', 'adgangskode', 'password', 'passord', 'hemmelig', 'hemmeligt', 'hemmelighed', 'login', 'logind',
  'bruger', 'brugernavn', 'admin', 'administrator', 'test', 'demo', 'start', 'ny', 'nyt', 'skiftmig', 'skift', 'midlertidig',
  'qwerty', 'qwertyuiop', 'asdf', 'asdfgh', 'abc', 'abcd', 'zxcvbn', 'æøå',
  // Seasons, months, days and holidays: "Sommer2025!!".
  'sommer', 'vinter', 'forår', 'efterår', 'høst',
  'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december',
  'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'weekend',
  'jul', 'julen', 'juleaften', 'julemand', 'nisse', 'påske', 'pinse', 'nytår', 'fastelavn', 'sankthans', 'ferie',
  'sommerferie', 'vinterferie', 'efterårsferie', 'sommerhus', 'solskin', 'regnvejr', 'sne',
  // This service, its people and its places (Ishøj's and other plans' housing areas).
  'helhedsplan', 'helhedsplaner', 'helhedsplanen', 'boligsocial', 'boligsociale', 'boligforening', 'boligselskab', 'beboer',
  'beboere', 'rådgiver', 'rådgivning', 'medarbejder', 'leder', 'sagsbehandler', 'frivillig', 'kommune', 'kommunen',
  'jobcenter', 'borger', 'borgerservice', 'fritidsjob', 'lektiecafe', 'kontor', 'arbejde', 'arbejdet', 'job',
  'ishøj', 'vejleåparken', 'strandparken', 'gadekæret', 'tranegården', 'vildtbanegård', 'ishøjlandsby', 'varde',
  'albertslund', 'brøndby', 'hvidovre', 'glostrup', 'rødovre', 'taastrup', 'vallensbæk', 'greve', 'høje', 'tåstrup',
  'mjølnerparken', 'gellerupparken', 'vollsmose', 'tingbjerg', 'nørrebro', 'amager', 'valby', 'vesterbro', 'østerbro',
  // Denmark, cities and football clubs.
  'danmark', 'dansk', 'danske', 'dannebrog', 'københavn', 'kobenhavn', 'aarhus', 'århus', 'odense', 'aalborg', 'ålborg',
  'esbjerg', 'randers', 'kolding', 'horsens', 'vejle', 'roskilde', 'herning', 'silkeborg', 'næstved', 'fredericia',
  'viborg', 'køge', 'holstebro', 'slagelse', 'hillerød', 'svendborg', 'sønderborg', 'hjørring', 'frederikshavn',
  'holbæk', 'haderslev', 'skive', 'ringsted', 'nyborg', 'helsingør', 'lyngby', 'bornholm', 'fyn', 'jylland', 'sjælland',
  'fck', 'fcm', 'fcn', 'bif', 'agf', 'aab', 'efb', 'ob', 'vb', 'brondby', 'midtjylland', 'nordsjælland', 'sønderjyske',
  'fodbold', 'håndbold', 'landsholdet',
  // Family, love and pets.
  'kærlighed', 'elsker', 'elskerdig', 'jegelskerdig', 'skat', 'skatter', 'skattebasse', 'kæreste', 'hjerte', 'kys',
  'mor', 'far', 'mormor', 'morfar', 'farmor', 'farfar', 'bedstemor', 'bedstefar', 'familie', 'familien', 'søster', 'bror',
  'lillebror', 'storebror', 'lillesøster', 'storesøster', 'datter', 'søn', 'børn', 'baby', 'pige', 'dreng', 'ven', 'venner',
  'hund', 'hunden', 'kat', 'katten', 'mis', 'missekat', 'hest', 'pony', 'kanin', 'hamster', 'fisk', 'fugl', 'mus', 'bamse',
  'bjørn', 'løve', 'tiger', 'ulv', 'ørn', 'drage', 'prinsesse', 'prins', 'konge', 'dronning',
  // Everyday words.
  'hej', 'hejsa', 'hejhej', 'tak', 'tusindtak', 'farvel', 'godmorgen', 'godnat', 'hygge', 'hyggelig', 'lykke', 'glad',
  'hjem', 'hjemme', 'hus', 'have', 'bil', 'båd', 'cykel', 'kaffe', 'kage', 'øl', 'vin', 'mad', 'pizza', 'slik', 'chokolade',
  'æble', 'banan', 'jordbær', 'blomst', 'blomster', 'rose', 'sol', 'måne', 'stjerne', 'himmel', 'hav', 'strand', 'skov',
  'guld', 'sølv', 'penge', 'rød', 'blå', 'grøn', 'gul', 'sort', 'hvid', 'musik', 'computer', 'internet', 'telefon', 'skole',
  'sommerfugl', 'regnbue', 'frihed', 'fremtid', 'ingenting', 'noget', 'alting', 'verden',
  // First names and surnames most common in Denmark (Danmarks Statistik).
  'peter', 'jens', 'lars', 'michael', 'henrik', 'thomas', 'søren', 'jan', 'niels', 'anders', 'christian', 'martin',
  'morten', 'jesper', 'mads', 'rasmus', 'mikkel', 'frederik', 'lucas', 'william', 'oliver', 'noah', 'emil', 'victor',
  'magnus', 'mohammed', 'ali', 'ahmed', 'hans', 'ole', 'per', 'poul', 'kim', 'bo', 'karsten', 'claus', 'jakob', 'kasper',
  'anne', 'kirsten', 'mette', 'hanne', 'anna', 'helle', 'susanne', 'lene', 'maria', 'marianne', 'lone', 'camilla', 'pia',
  'louise', 'charlotte', 'bente', 'tina', 'gitte', 'inge', 'ida', 'emma', 'sofie', 'freja', 'clara', 'laura', 'alma',
  'ella', 'karen', 'birgitte', 'rikke', 'nina', 'maja', 'julie', 'signe', 'mia', 'line', 'sara', 'fatima', 'aisha',
  'nielsen', 'jensen', 'hansen', 'pedersen', 'andersen', 'christensen', 'larsen', 'sørensen', 'rasmussen', 'jørgensen',
  'petersen', 'madsen', 'kristensen', 'olsen', 'thomsen', 'christiansen', 'poulsen', 'johansen', 'møller', 'mortensen',
];
