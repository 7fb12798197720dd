<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Incidence</name>
    <message>
        <source>On call</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <source>Time off: %1</source>
        <translation>Abwesenheit: %1</translation>
    </message>
    <message>
        <source>Time off</source>
        <translation>Abwesenheit</translation>
    </message>
    <message>
        <source>Tandem roster</source>
        <translation>Tandem-Personalliste</translation>
    </message>
    <message>
        <source>Tandem request</source>
        <translation>Tandem-Anfrage</translation>
    </message>
    <message>
        <source>Data of Tandem, the on-call planner. Edit it in Tandem.</source>
        <translation>Daten von Tandem, dem Bereitschaftsplaner. Bearbeiten Sie sie in Tandem.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>The server refused the password: %1</source>
        <translation>Der Server hat das Passwort abgelehnt: %1</translation>
    </message>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>Im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>Tandem</name>
    <message>
        <source>The server&apos;s service %1 cannot be read: its field “%2” is missing or invalid.</source>
        <translation>Der Dienst %1 auf dem Server kann nicht gelesen werden: Sein Feld „%2“ fehlt oder ist ungültig.</translation>
    </message>
    <message>
        <source>The server&apos;s roster cannot be read: its services are not a list.</source>
        <translation>Die Personalliste des Servers kann nicht gelesen werden: Ihre Dienste sind keine Liste.</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>every %1 weeks</source>
        <translation>alle %1 Wochen</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>every %1 days</source>
        <translation>alle %1 Tage</translation>
    </message>
    <message>
        <source>every %1 hours</source>
        <translation>alle %1 Stunden</translation>
    </message>
    <message>
        <source>every %1 minutes</source>
        <translation>alle %1 Minuten</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1, handoff %2 %3, %4</source>
        <translation>%1, Übergabe %2 %3, %4</translation>
    </message>
    <message>
        <source>The field “%1” is missing or invalid.</source>
        <translation>Das Feld „%1“ fehlt oder ist ungültig.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>Chat: %1</source>
        <translation>Chat: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-Mail: %1</translation>
    </message>
    <message>
        <source>(no dev)</source>
        <translation>(kein Entwickler)</translation>
    </message>
    <message>
        <source>%1 (dev)</source>
        <translation>%1 (Entwickler)</translation>
    </message>
    <message>
        <source>(no ops)</source>
        <translation>(kein Ops)</translation>
    </message>
    <message>
        <source>%1 (ops)</source>
        <translation>%1 (Ops)</translation>
    </message>
    <message>
        <source>On call: %1 + %2</source>
        <translation>Bereitschaft: %1 + %2</translation>
    </message>
    <message>
        <source>Rotation: %1</source>
        <translation>Rotation: %1</translation>
    </message>
    <message>
        <source>Developer: %1</source>
        <translation>Entwickler: %1</translation>
    </message>
    <message>
        <source>nobody (a gap)</source>
        <translation>niemand (eine Lücke)</translation>
    </message>
    <message>
        <source>Operations: %1</source>
        <translation>Ops: %1</translation>
    </message>
    <message>
        <source>Bridge: %1</source>
        <translation>Bridge: %1</translation>
    </message>
    <message>
        <source>Handoff note: %1</source>
        <translation>Übergabenotiz: %1</translation>
    </message>
    <message>
        <source>The text could not be read as iCalendar.</source>
        <translation>Der Text konnte nicht als iCalendar gelesen werden.</translation>
    </message>
    <message>
        <source>The text could not be read as iCalendar: %1</source>
        <translation>Der Text konnte nicht als iCalendar gelesen werden: %1</translation>
    </message>
    <message>
        <source>The resource holds no event, to-do or journal.</source>
        <translation>Die Ressource enthält kein Ereignis, keine Aufgabe und kein Journal.</translation>
    </message>
    <message>
        <source>The resource holds %1 different objects; a CalDAV resource holds one.</source>
        <translation>Die Ressource enthält %1 verschiedene Objekte; eine CalDAV-Ressource enthält genau eines.</translation>
    </message>
    <message>
        <source>X-TANDEM-KIND “%1” is not a kind this Tandem knows; a newer Tandem may have written it.</source>
        <translation>X-TANDEM-KIND „%1“ ist keine Art, die dieses Tandem kennt; vielleicht hat ein neueres Tandem sie geschrieben.</translation>
    </message>
    <message>
        <source>The shift %1 is not a timed event.</source>
        <translation>Die Schicht %1 ist kein Ereignis mit Uhrzeit.</translation>
    </message>
    <message>
        <source>The time off %1 is not an event.</source>
        <translation>Die Abwesenheit %1 ist kein Ereignis.</translation>
    </message>
    <message>
        <source>The %1 data of %2 is damaged: %3</source>
        <translation>Die %1-Daten von %2 sind beschädigt: %3</translation>
    </message>
    <message>
        <source>The period to import is not a valid range of days.</source>
        <translation>Der zu importierende Zeitraum ist kein gültiger Bereich von Tagen.</translation>
    </message>
    <message>
        <source>The period to import is longer than %1 days.</source>
        <translation>Der zu importierende Zeitraum ist länger als %1 Tage.</translation>
    </message>
    <message>
        <source>The file has more than %1 occurrences in the period; Tandem stops there.</source>
        <translation>Die Datei hat mehr als %1 Vorkommen im Zeitraum; Tandem hört dort auf.</translation>
    </message>
    <message>
        <source>The period needs a first and a last day.</source>
        <translation>Der Zeitraum braucht einen ersten und einen letzten Tag.</translation>
    </message>
    <message>
        <source>The period ends (%1) before it starts (%2).</source>
        <translation>Der Zeitraum endet (%1), bevor er beginnt (%2).</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <source>with nobody in the other seat yet</source>
        <translation>noch niemand auf dem anderen Platz</translation>
    </message>
    <message>
        <source>On call now: %1</source>
        <translation>Jetzt in Bereitschaft: %1</translation>
    </message>
    <message>
        <source>Your shift has started, %1, until %2.</source>
        <translation>Ihre Schicht hat begonnen, %1, bis %2.</translation>
    </message>
    <message>
        <source>On call %1: %2</source>
        <translation>Bereitschaft %1: %2</translation>
    </message>
    <message>
        <source>Your shift starts %1, %2.</source>
        <translation>Ihre Schicht beginnt %1, %2.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>The file is empty; expected a header line: %1</source>
        <translation>Die Datei ist leer; erwartet wurde eine Kopfzeile: %1</translation>
    </message>
    <message>
        <source>Unknown column “%1”; the columns are %2.</source>
        <translation>Unbekannte Spalte „%1“; die Spalten sind %2.</translation>
    </message>
    <message>
        <source>Column “%1” appears twice.</source>
        <translation>Die Spalte „%1“ kommt zweimal vor.</translation>
    </message>
    <message>
        <source>The header has no “%1” column (it is required).</source>
        <translation>Die Kopfzeile hat keine Spalte „%1“ (sie ist erforderlich).</translation>
    </message>
    <message>
        <source>Expected %1 fields as in the header, found %2.</source>
        <translation>Erwartet wurden %1 Felder wie in der Kopfzeile, gefunden %2.</translation>
    </message>
    <message>
        <source>Role is empty; expected developer or operations.</source>
        <translation>Die Rolle ist leer; erwartet wurde developer oder operations.</translation>
    </message>
    <message>
        <source>“%1” is not a role; expected developer or operations.</source>
        <translation>„%1“ ist keine Rolle; erwartet wurde developer oder operations.</translation>
    </message>
    <message>
        <source>“%1” is an old name of the time zone %2; stored as %2.</source>
        <translation>„%1“ ist ein alter Name der Zeitzone %2; gespeichert als %2.</translation>
    </message>
    <message>
        <source>“%1” is not a number; write a fraction of full time such as 0.5.</source>
        <translation>„%1“ ist keine Zahl; geben Sie einen Anteil an Vollzeit an, etwa 0.5.</translation>
    </message>
    <message>
        <source>“%1” is not yes or no.</source>
        <translation>„%1“ ist weder yes noch no.</translation>
    </message>
    <message>
        <source>%1 is already on line %2.</source>
        <translation>%1 steht bereits in Zeile %2.</translation>
    </message>
    <message>
        <source>The person %1 is not in the database.</source>
        <translation>Die Person %1 ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>%1 is no longer on the roster.</source>
        <translation>%1 steht nicht mehr in der Personalliste.</translation>
    </message>
    <message>
        <source>The shift of %1 is locked; unlock it first.</source>
        <translation>Die Schicht von %1 ist fixiert; heben Sie die Fixierung zuerst auf.</translation>
    </message>
    <message>
        <source>ops seat</source>
        <translation>Ops-Platz</translation>
    </message>
    <message>
        <source>developer seat</source>
        <translation>Entwicklerplatz</translation>
    </message>
    <message>
        <source>The shift is no longer in the database.</source>
        <translation>Die Schicht ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>That person is not on the roster.</source>
        <translation>Diese Person steht nicht in der Personalliste.</translation>
    </message>
    <message>
        <source>Name is empty.</source>
        <translation>Der Name ist leer.</translation>
    </message>
    <message>
        <source>E-mail is empty.</source>
        <translation>Die E-Mail-Adresse ist leer.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address (expected name@example.com).</source>
        <translation>„%1“ ist keine E-Mail-Adresse (erwartet: name@example.com).</translation>
    </message>
    <message>
        <source>Time zone is empty.</source>
        <translation>Die Zeitzone ist leer.</translation>
    </message>
    <message>
        <source>“%1” is not a known time zone (expected an IANA name such as Europe/Berlin).</source>
        <translation>„%1“ ist keine bekannte Zeitzone (erwartet wird ein IANA-Name wie Europe/Berlin).</translation>
    </message>
    <message>
        <source>Capacity must be between 0.1 and 1.0 FTE, not %1.</source>
        <translation>Die Kapazität muss zwischen 0.1 und 1.0 VZÄ liegen, nicht %1.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number (digits, spaces and + ( ) - . / only).</source>
        <translation>„%1“ ist keine Telefonnummer (nur Ziffern, Leerzeichen und + ( ) - . /).</translation>
    </message>
    <message>
        <source>Team name is empty.</source>
        <translation>Der Teamname ist leer.</translation>
    </message>
    <message>
        <source>“%1” is not a known time zone.</source>
        <translation>„%1“ ist keine bekannte Zeitzone.</translation>
    </message>
    <message>
        <source>The first day of the time off is not a valid date.</source>
        <translation>Der erste Tag der Abwesenheit ist kein gültiges Datum.</translation>
    </message>
    <message>
        <source>The last day of the time off is not a valid date.</source>
        <translation>Der letzte Tag der Abwesenheit ist kein gültiges Datum.</translation>
    </message>
    <message>
        <source>The time off ends (%1) before it starts (%2).</source>
        <translation>Die Abwesenheit endet (%1), bevor sie beginnt (%2).</translation>
    </message>
    <message>
        <source>The holiday belongs to no team.</source>
        <translation>Der Feiertag gehört zu keinem Team.</translation>
    </message>
    <message>
        <source>The day of the holiday is not a valid date.</source>
        <translation>Der Tag des Feiertags ist kein gültiges Datum.</translation>
    </message>
    <message>
        <source>The holiday has no name.</source>
        <translation>Der Feiertag hat keinen Namen.</translation>
    </message>
    <message>
        <source>Rotation name is empty.</source>
        <translation>Der Name der Rotation ist leer.</translation>
    </message>
    <message>
        <source>The rotation belongs to no team.</source>
        <translation>Die Rotation gehört zu keinem Team.</translation>
    </message>
    <message>
        <source>The rotation has no ops pool to fill the ops seat.</source>
        <translation>Die Rotation hat keinen Ops-Pool, der den Ops-Platz besetzt.</translation>
    </message>
    <message>
        <source>A shift must last longer than zero (e.g. 24 hours or 7 days).</source>
        <translation>Eine Schicht muss länger als null dauern (z. B. 24 Stunden oder 7 Tage).</translation>
    </message>
    <message>
        <source>A shift can last at most 4 weeks, not %1 days.</source>
        <translation>Eine Schicht darf höchstens 4 Wochen dauern, nicht %1 Tage.</translation>
    </message>
    <message>
        <source>The handoff day must be a weekday from Monday (1) to Sunday (7), not %1.</source>
        <translation>Der Übergabetag muss ein Wochentag von Montag (1) bis Sonntag (7) sein, nicht %1.</translation>
    </message>
    <message>
        <source>The handoff time is not a valid time of day (expected HH:MM).</source>
        <translation>Die Übergabezeit ist keine gültige Uhrzeit (erwartet: HH:MM).</translation>
    </message>
    <message>
        <source>The rotation must run on at least one day of the week.</source>
        <translation>Die Rotation muss an mindestens einem Wochentag laufen.</translation>
    </message>
    <message>
        <source>The rotation has no start date.</source>
        <translation>Die Rotation hat kein Startdatum.</translation>
    </message>
    <message>
        <source>Minimum rest must be 0 hours or more (or -1 for one shift length), not %1.</source>
        <translation>Die Mindestruhezeit muss 0 Stunden oder mehr betragen (oder -1 für eine Schichtlänge), nicht %1.</translation>
    </message>
    <message>
        <source>The most shifts per person in 4 weeks must be 0 (no limit) or more, not %1.</source>
        <translation>Die Höchstzahl an Schichten pro Person in 4 Wochen muss 0 (keine Grenze) oder mehr sein, nicht %1.</translation>
    </message>
    <message>
        <source>An ops engineer must be able to cover at least 1 rotation at a time, not %1.</source>
        <translation>Ein Ops-Engineer muss mindestens 1 Rotation gleichzeitig abdecken können, nicht %1.</translation>
    </message>
    <message>
        <source>The start of night hours is not a valid time of day.</source>
        <translation>Der Beginn der Nachtstunden ist keine gültige Uhrzeit.</translation>
    </message>
    <message>
        <source>The end of night hours is not a valid time of day.</source>
        <translation>Das Ende der Nachtstunden ist keine gültige Uhrzeit.</translation>
    </message>
    <message>
        <source>The freeze window must be 0 days or more, not %1.</source>
        <translation>Die Sperrfrist muss 0 Tage oder mehr betragen, nicht %1.</translation>
    </message>
    <message>
        <source>The look-back must be 0 weeks or more, not %1.</source>
        <translation>Der Rückblick muss 0 Wochen oder mehr betragen, nicht %1.</translation>
    </message>
    <message>
        <source>A new developer is not a known person.</source>
        <translation>Ein neuer Entwickler ist keine bekannte Person.</translation>
    </message>
    <message>
        <source>A forbidden pair names someone who is not a known person.</source>
        <translation>Ein verbotenes Paar nennt jemanden, der keine bekannte Person ist.</translation>
    </message>
    <message>
        <source>A forbidden pair must name two different people.</source>
        <translation>Ein verbotenes Paar muss zwei verschiedene Personen nennen.</translation>
    </message>
    <message>
        <source>Ops pool name is empty.</source>
        <translation>Der Name des Ops-Pools ist leer.</translation>
    </message>
    <message>
        <source>The ops pool has no members; the ops seat needs at least one person with production access.</source>
        <translation>Der Ops-Pool hat keine Mitglieder; der Ops-Platz braucht mindestens eine Person mit Produktionszugang.</translation>
    </message>
    <message>
        <source>The shift belongs to no rotation.</source>
        <translation>Die Schicht gehört zu keiner Rotation.</translation>
    </message>
    <message>
        <source>The shift has no valid start and end.</source>
        <translation>Die Schicht hat keinen gültigen Beginn und kein gültiges Ende.</translation>
    </message>
    <message>
        <source>The shift ends (%1) before it starts (%2).</source>
        <translation>Die Schicht endet (%1), bevor sie beginnt (%2).</translation>
    </message>
    <message>
        <source>A shift can last at most %1 days, not %2.</source>
        <translation>Eine Schicht darf höchstens %1 Tage dauern, nicht %2.</translation>
    </message>
    <message>
        <source>One person holds both seats of the shift.</source>
        <translation>Eine Person besetzt beide Plätze der Schicht.</translation>
    </message>
    <message>
        <source>The bridge link must be an http or https address, such as https://meet.example.com/room.</source>
        <translation>Der Bridge-Link muss eine http- oder https-Adresse sein, etwa https://meet.example.com/room.</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2 The file was left untouched.</source>
        <translation>„%1“ kann nicht geöffnet werden: %2 Die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>it cannot be read (%1).</source>
        <translation>sie kann nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>it is not a Tandem database (not an SQLite file).</source>
        <translation>sie ist keine Tandem-Datenbank (keine SQLite-Datei).</translation>
    </message>
    <message>
        <source>it cannot be opened as a database (%1).</source>
        <translation>sie kann nicht als Datenbank geöffnet werden (%1).</translation>
    </message>
    <message>
        <source>it is damaged or not a database (%1).</source>
        <translation>sie ist beschädigt oder keine Datenbank (%1).</translation>
    </message>
    <message>
        <source>The server refused the user name or password (HTTP 401).</source>
        <translation>Der Server hat den Benutzernamen oder das Passwort abgelehnt (HTTP 401).</translation>
    </message>
    <message>
        <source>%1 was changed on the server meanwhile (412 Precondition Failed to %2).</source>
        <translation>%1 wurde inzwischen auf dem Server geändert (412 Precondition Failed für %2).</translation>
    </message>
    <message>
        <source>The server no longer accepts the sync token (HTTP %1, valid-sync-token); a full listing is needed.</source>
        <translation>Der Server akzeptiert das Sync-Token nicht mehr (HTTP %1, valid-sync-token); eine vollständige Auflistung ist nötig.</translation>
    </message>
    <message>
        <source>The server answered %1 to %2.</source>
        <translation>Der Server hat %1 auf %2 geantwortet.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to %1 could not be read: %2.</source>
        <translation>Die Antwort des Servers auf %1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
Valid: %3 to %4
SHA-256: %5</source>
        <translation>Inhaber: %1
Aussteller: %2
Gültig: %3 bis %4
SHA-256: %5</translation>
    </message>
    <message>
        <source>No password is stored in the keychain for this account.</source>
        <translation>Für dieses Konto ist kein Passwort im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>No keychain is available on this system (%1). Set TANDEM_CALDAV_PASSWORD for the command line, or start a Secret Service such as GNOME Keyring or KWallet.</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar (%1). Setzen Sie TANDEM_CALDAV_PASSWORD für die Befehlszeile oder starten Sie einen Secret Service wie GNOME Keyring oder KWallet.</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Der Schlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Could not apply the server&apos;s %1: %2</source>
        <translation>Die Änderung des Servers an %1 konnte nicht übernommen werden: %2</translation>
    </message>
    <message>
        <source>the team&apos;s roster</source>
        <translation>die Personalliste des Teams</translation>
    </message>
    <message>
        <source>the shift of %1</source>
        <translation>die Schicht von %1</translation>
    </message>
    <message>
        <source>a shift</source>
        <translation>eine Schicht</translation>
    </message>
    <message>
        <source>time off from %1</source>
        <translation>Abwesenheit ab %1</translation>
    </message>
    <message>
        <source>a swap request</source>
        <translation>eine Tauschanfrage</translation>
    </message>
    <message>
        <source>an event</source>
        <translation>ein Ereignis</translation>
    </message>
    <message>
        <source>The collection %1 holds no Tandem team (no %2.ics in it).</source>
        <translation>Die Sammlung %1 enthält kein Tandem-Team (keine %2.ics darin).</translation>
    </message>
    <message>
        <source>%1 is not a Tandem roster.</source>
        <translation>%1 ist keine Tandem-Personalliste.</translation>
    </message>
    <message>
        <source>The team on the server cannot be joined: %1</source>
        <translation>Dem Team auf dem Server kann nicht beigetreten werden: %1</translation>
    </message>
    <message>
        <source>The team %1 is shared through %2 already.</source>
        <translation>Das Team %1 wird bereits über %2 geteilt.</translation>
    </message>
    <message>
        <source>This database has a team “%1” already. Link it to the shared team (its people, rotations and shifts join it and go to the server), or keep it apart under another name.</source>
        <translation>Diese Datenbank hat bereits ein Team „%1“. Verknüpfen Sie es mit dem geteilten Team (seine Personen, Rotationen und Schichten gehen darin auf und werden auf den Server übertragen) oder halten Sie es unter einem anderen Namen getrennt.</translation>
    </message>
    <message>
        <source>Give your team “%1” a new name, other than the shared team&apos;s.</source>
        <translation>Geben Sie Ihrem Team „%1“ einen neuen Namen, der sich vom Namen des geteilten Teams unterscheidet.</translation>
    </message>
    <message>
        <source>There is a team “%1” already.</source>
        <translation>Es gibt bereits ein Team „%1“.</translation>
    </message>
    <message>
        <source>Your team “%1” is now called “%2”.</source>
        <translation>Ihr Team „%1“ heißt jetzt „%2“.</translation>
    </message>
    <message>
        <source>Your team “%1” is shared through %2: stop sharing it there first, or keep it apart under another name.</source>
        <translation>Ihr Team „%1“ wird über %2 geteilt: Beenden Sie dort zuerst das Teilen oder halten Sie es unter einem anderen Namen getrennt.</translation>
    </message>
    <message>
        <source>Your team “%1” is linked to the shared team.</source>
        <translation>Ihr Team „%1“ ist mit dem geteilten Team verknüpft.</translation>
    </message>
    <message>
        <source>There is no conflict on %1.</source>
        <translation>Es gibt keinen Konflikt bei %1.</translation>
    </message>
    <message>
        <source>The server&apos;s version cannot be taken: %1 Keep yours; it goes to the server at the next sync.</source>
        <translation>Die Version des Servers kann nicht übernommen werden: %1 Behalten Sie Ihre; sie wird bei der nächsten Synchronisation auf den Server übertragen.</translation>
    </message>
    <message>
        <source>The file holds no event (VEVENT): there is nothing to import.</source>
        <translation>Die Datei enthält kein Ereignis (VEVENT): Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB; Tandem reads files of at most %2 MB here.</source>
        <translation>%1 ist größer als %2 MB; Tandem liest hier Dateien von höchstens %2 MB.</translation>
    </message>
    <message>
        <source>No output file was given (the path is empty).</source>
        <translation>Es wurde keine Ausgabedatei angegeben (der Pfad ist leer).</translation>
    </message>
    <message>
        <source>%1 is a folder; give the name of a file to write.</source>
        <translation>%1 ist ein Ordner; geben Sie den Namen einer Datei zum Schreiben an.</translation>
    </message>
    <message>
        <source>%1 is a database; Tandem never writes a report or an export over one. Choose another file name.</source>
        <translation>%1 ist eine Datenbank; Tandem schreibt nie einen Bericht oder Export darüber. Wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>%1 belongs to the database %2; Tandem never writes a report or an export over it. Choose another file name.</source>
        <translation>%1 gehört zur Datenbank %2; Tandem schreibt nie einen Bericht oder Export darüber. Wählen Sie einen anderen Dateinamen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB; Tandem imports roster files of at most that.</source>
        <translation>Die Datei ist größer als %1 MB; Tandem importiert Personallisten von höchstens dieser Größe.</translation>
    </message>
    <message>
        <source>More than %1 people; Tandem imports at most %1 from one file.</source>
        <translation>Mehr als %1 Personen; Tandem importiert höchstens %1 aus einer Datei.</translation>
    </message>
    <message>
        <source>%1 must be a number from %2 to %3, not %4.</source>
        <translation>%1 muss eine Zahl von %2 bis %3 sein, nicht %4.</translation>
    </message>
    <message>
        <source>it is damaged or not a database (its SQLite header is not valid).</source>
        <translation>sie ist beschädigt oder keine Datenbank (ihr SQLite-Header ist ungültig).</translation>
    </message>
    <message>
        <source>it is an SQLite database of another application, not a Tandem database.</source>
        <translation>sie ist eine SQLite-Datenbank einer anderen Anwendung, keine Tandem-Datenbank.</translation>
    </message>
    <message>
        <source>it was written by a newer version of Tandem (schema version %1; this Tandem reads up to version %2). Update Tandem to open it.</source>
        <translation>sie wurde von einer neueren Version von Tandem geschrieben (Schema-Version %1; dieses Tandem liest bis Version %2). Aktualisieren Sie Tandem, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>that record already exists</source>
        <translation>dieser Datensatz existiert bereits</translation>
    </message>
    <message>
        <source>the database is busy: another program (another Tandem, or the sync) is writing to it; try again in a moment</source>
        <translation>die Datenbank ist belegt: Ein anderes Programm (ein anderes Tandem oder die Synchronisation) schreibt gerade hinein; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <source>the database is read-only: Tandem may read it but not write to it (check the permissions of the file and its folder)</source>
        <translation>die Datenbank ist schreibgeschützt: Tandem darf sie lesen, aber nicht schreiben (prüfen Sie die Berechtigungen der Datei und ihres Ordners)</translation>
    </message>
    <message>
        <source>the disk could not read or write the database file</source>
        <translation>die Festplatte konnte die Datenbankdatei nicht lesen oder schreiben</translation>
    </message>
    <message>
        <source>the database file is damaged; `tandem check` tells what is wrong</source>
        <translation>die Datenbankdatei ist beschädigt; `tandem check` sagt, was nicht stimmt</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>die Festplatte ist voll</translation>
    </message>
    <message>
        <source>the database file cannot be opened</source>
        <translation>die Datenbankdatei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 (perhaps written at the same moment by another Tandem); nothing was written</source>
        <translation>%1 (vielleicht gleichzeitig von einem anderen Tandem geschrieben); es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>it refers to something that was deleted meanwhile; nothing was written</source>
        <translation>sie verweist auf etwas, das inzwischen gelöscht wurde; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>a value is missing or out of its allowed range; nothing was written</source>
        <translation>ein Wert fehlt oder liegt außerhalb des erlaubten Bereichs; es wurde nichts geschrieben</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The event “%1” repeats %2 times or more in the period read; Tandem reads fewer.</source>
        <translation>Das Ereignis „%1“ wiederholt sich im gelesenen Zeitraum %2-mal oder öfter; Tandem liest weniger.</translation>
    </message>
    <message>
        <source>New shift</source>
        <translation>Neue Schicht</translation>
    </message>
    <message>
        <source>Fills the empty seat</source>
        <translation>Besetzt den leeren Platz</translation>
    </message>
    <message>
        <source>Already there</source>
        <translation>Schon vorhanden</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <source>Not past</source>
        <translation>Nicht vergangen</translation>
    </message>
    <message>
        <source>Not a shift</source>
        <translation>Keine Schicht</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Per E-Mail</translation>
    </message>
    <message>
        <source>By name</source>
        <translation>Per Name</translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation>Gewählt</translation>
    </message>
    <message>
        <source>Ambiguous</source>
        <translation>Mehrdeutig</translation>
    </message>
    <message>
        <source>Not on the roster</source>
        <translation>Nicht in der Personalliste</translation>
    </message>
    <message>
        <source>Shadow (onboarding, no production access): %1</source>
        <translation>Schatten (Einarbeitung, ohne Produktionszugang): %1</translation>
    </message>
    <message>
        <source>The shift belongs to no rotation in the database.</source>
        <translation>Die Schicht gehört zu keiner Rotation in der Datenbank.</translation>
    </message>
    <message>
        <source>The shadow %1 is not in the database.</source>
        <translation>Der Schatten %1 ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The shadow shifts a new developer needs must be from 0 to %1, not %2.</source>
        <translation>Die Schattenschichten eines neuen Entwicklers müssen zwischen 0 und %1 liegen, nicht %2.</translation>
    </message>
    <message>
        <source>A developer onboarding is not a known person.</source>
        <translation>Ein Entwickler in Einarbeitung ist keine bekannte Person.</translation>
    </message>
    <message>
        <source>The shadow of the shift also holds one of its seats; the shadow is a third person.</source>
        <translation>Der Schatten der Schicht hat auch einen ihrer Plätze; der Schatten ist eine dritte Person.</translation>
    </message>
    <message>
        <source>Service %1
by %2</source>
        <translation>Dienst %1
durch %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 has only an ops engineer</source>
        <translation>%1 hat nur einen Ops-Engineer</translation>
    </message>
    <message>
        <source>%1 has only a developer</source>
        <translation>%1 hat nur einen Entwickler</translation>
    </message>
    <message>
        <source>no leg is on now</source>
        <translation>keine Etappe ist jetzt dran</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>not covered now</source>
        <translation>jetzt nicht abgedeckt</translation>
    </message>
    <message>
        <source>Hour window “%1”: %2 (expected e.g. “Mon-Fri 09:00-17:00”).</source>
        <translation>Zeitfenster „%1“: %2 (erwartet z. B. „Mon-Fri 09:00-17:00“).</translation>
    </message>
    <message>
        <source>it needs days and a time span</source>
        <translation>es braucht Tage und eine Uhrzeitspanne</translation>
    </message>
    <message>
        <source>the time span must be FROM-TO</source>
        <translation>die Uhrzeitspanne muss VON-BIS lauten</translation>
    </message>
    <message>
        <source>the times must be HH:MM (00:00 to 24:00)</source>
        <translation>die Uhrzeiten müssen HH:MM lauten (00:00 bis 24:00)</translation>
    </message>
    <message>
        <source>the window has no length</source>
        <translation>das Zeitfenster hat keine Länge</translation>
    </message>
    <message>
        <source>“%1” is not a day or a range of days (Mon, Tue, …, Sun)</source>
        <translation>„%1“ ist kein Tag und kein Bereich von Tagen (Mon, Tue, …, Sun)</translation>
    </message>
    <message>
        <source>Hour window %1 (%2): the weekday must be 1 (Monday) to 7 (Sunday), not %3.</source>
        <translation>Zeitfenster %1 (%2): Der Wochentag muss 1 (Montag) bis 7 (Sonntag) sein, nicht %3.</translation>
    </message>
    <message>
        <source>Hour window %1: the start is not a time of day.</source>
        <translation>Zeitfenster %1: Der Beginn ist keine Uhrzeit.</translation>
    </message>
    <message>
        <source>Hour window %1 (%2) has no length.</source>
        <translation>Zeitfenster %1 (%2) hat keine Länge.</translation>
    </message>
    <message>
        <source>Hour window %1 (%2) is longer than a day; use one window per day.</source>
        <translation>Zeitfenster %1 (%2) ist länger als ein Tag; verwenden Sie ein Zeitfenster pro Tag.</translation>
    </message>
    <message>
        <source>Hour window %1 (%2) must start on a whole minute.</source>
        <translation>Zeitfenster %1 (%2) muss zu einer vollen Minute beginnen.</translation>
    </message>
    <message>
        <source>Hour windows %1 (%2) and %3 (%4) overlap.</source>
        <translation>Die Zeitfenster %1 (%2) und %3 (%4) überschneiden sich.</translation>
    </message>
    <message>
        <source>business hours %1</source>
        <translation>Geschäftszeiten %1</translation>
    </message>
    <message>
        <source>nights %1</source>
        <translation>Nächte %1</translation>
    </message>
    <message>
        <source>weekends %1</source>
        <translation>Wochenenden %1</translation>
    </message>
    <message>
        <source>hours %1</source>
        <translation>Zeiten %1</translation>
    </message>
</context>
<context>
    <name>Tandem::Autostart</name>
    <message>
        <source>Cannot remove %1.</source>
        <translation>%1 kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Tandem::CalDavClient</name>
    <message>
        <source>“%1” is not an http:// or https:// address.</source>
        <translation>„%1“ ist keine http://- oder https://-Adresse.</translation>
    </message>
    <message>
        <source>Refused to talk to %1 over plain http://: the password and the calendar would cross the network unencrypted. Use https://, or allow plain HTTP to other machines if this network is trusted.</source>
        <translation>Unverschlüsselte Verbindung zu %1 über http:// abgelehnt: Passwort und Kalender würden unverschlüsselt über das Netzwerk gehen. Verwenden Sie https:// oder erlauben Sie unverschlüsseltes HTTP zu anderen Rechnern, wenn dieses Netzwerk vertrauenswürdig ist.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 seconds (%3).</source>
        <translation>Keine Antwort von %1 innerhalb von %2 Sekunden (%3).</translation>
    </message>
    <message>
        <source>The certificate of %1 was refused: %2</source>
        <translation>Das Zertifikat von %1 wurde abgelehnt: %2</translation>
    </message>
    <message>
        <source>Could not reach %1: %2.</source>
        <translation>%1 konnte nicht erreicht werden: %2.</translation>
    </message>
    <message>
        <source>Too many redirects for %1 (more than %2).</source>
        <translation>Zu viele Weiterleitungen für %1 (mehr als %2).</translation>
    </message>
    <message>
        <source>HTTP %1 instead of 207 Multi-Status</source>
        <translation>HTTP %1 statt 207 Multi-Status</translation>
    </message>
    <message>
        <source>%1 does not name a principal for this user (current-user-principal); enter the calendar&apos;s address instead.</source>
        <translation>%1 nennt keinen Principal für diesen Benutzer (current-user-principal); geben Sie stattdessen die Adresse des Kalenders ein.</translation>
    </message>
    <message>
        <source>%1 names no calendar home for this user (calendar-home-set on %2).</source>
        <translation>%1 nennt kein Kalender-Stammverzeichnis für diesen Benutzer (calendar-home-set auf %2).</translation>
    </message>
    <message>
        <source>no response for the collection</source>
        <translation>keine Antwort für die Sammlung</translation>
    </message>
    <message>
        <source>%1 already exists on the server (412 Precondition Failed to PUT).</source>
        <translation>%1 existiert bereits auf dem Server (412 Precondition Failed für PUT).</translation>
    </message>
    <message>
        <source>%1 was changed on the server since it was read (412 Precondition Failed to PUT).</source>
        <translation>%1 wurde auf dem Server geändert, seit es gelesen wurde (412 Precondition Failed für PUT).</translation>
    </message>
    <message>
        <source>%1 was changed on the server since it was read (412 Precondition Failed to DELETE).</source>
        <translation>%1 wurde auf dem Server geändert, seit es gelesen wurde (412 Precondition Failed für DELETE).</translation>
    </message>
</context>
<context>
    <name>Tandem::CalendarPage</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Zu heute gehen</translation>
    </message>
    <message>
        <source>Previous (Page Up)</source>
        <translation>Zurück (Bild auf)</translation>
    </message>
    <message>
        <source>Next (Page Down)</source>
        <translation>Weiter (Bild ab)</translation>
    </message>
    <message>
        <source>Go to date</source>
        <translation>Gehe zu Datum</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Only the shifts of</source>
        <translation>Nur die Schichten von</translation>
    </message>
    <message>
        <source>Highlight the shifts of</source>
        <translation>Die Schichten hervorheben von</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Rotation colours</source>
        <translation>Rotationsfarben</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Timeline rows</source>
        <translation>Zeilen der Zeitleiste</translation>
    </message>
    <message>
        <source>By rotation</source>
        <translation>Nach Rotation</translation>
    </message>
    <message>
        <source>By person</source>
        <translation>Nach Person</translation>
    </message>
    <message>
        <source>People: drag one onto a seat</source>
        <translation>Personen: eine auf einen Platz ziehen</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Shift details</source>
        <translation>Schichtdetails</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>No conflicts in these weeks: every seat is filled and every rule holds.</source>
        <translation>Keine Konflikte in diesen Wochen: Jeder Platz ist besetzt und jede Regel ist erfüllt.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message>
        <source>All rotations</source>
        <translation>Alle Rotationen</translation>
    </message>
    <message>
        <source>My time zone (%1)</source>
        <translation>Meine Zeitzone (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Highlight nobody</source>
        <translation>Niemanden hervorheben</translation>
    </message>
    <message>
        <source>Highlight my shifts (%1)</source>
        <translation>Meine Schichten hervorheben (%1)</translation>
    </message>
    <message>
        <source>Highlight %1</source>
        <translation>%1 hervorheben</translation>
    </message>
    <message>
        <source>Select a shift (arrow keys or a click) to see its pair, times and history.</source>
        <translation>Wählen Sie eine Schicht (Pfeiltasten oder ein Klick), um ihr Paar, ihre Zeiten und ihren Verlauf zu sehen.</translation>
    </message>
    <message>
        <source>Bridge: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Bridge: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 — %n shift(s)</source>
        <translation>
            <numerusform>%1 · %2 — %n Schicht</numerusform>
            <numerusform>%1 · %2 — %n Schichten</numerusform>
        </translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Entw.</translation>
    </message>
    <message>
        <source>ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>%1, %2. Drag onto a seat to assign.</source>
        <translation>%1, %2. Auf einen Platz ziehen, um die Person einzuteilen.</translation>
    </message>
    <message>
        <source>Drop on another shift to swap</source>
        <translation>Auf eine andere Schicht ziehen, um zu tauschen</translation>
    </message>
    <message>
        <source>Nothing to drop</source>
        <translation>Nichts zum Ablegen</translation>
    </message>
    <message>
        <source>in this seat now</source>
        <translation>jetzt auf diesem Platz</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>ops engineer</source>
        <translation>Ops-Engineer</translation>
    </message>
    <message>
        <source>Assign Developer</source>
        <translation>Entwickler einteilen</translation>
    </message>
    <message>
        <source>Assign Ops Engineer</source>
        <translation>Ops-Engineer einteilen</translation>
    </message>
    <message>
        <source>Who takes the %1 seat of %2, %3?</source>
        <translation>Wer übernimmt den Platz „%1“ von %2, %3?</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Swap Pair With</source>
        <translation>Paar tauschen mit</translation>
    </message>
    <message>
        <source>Swap the pair of %1, %2 (%3) with:</source>
        <translation>Das Paar von %1, %2 (%3) tauschen mit:</translation>
    </message>
    <message>
        <source>Bridge Link</source>
        <translation>Bridge-Link</translation>
    </message>
    <message>
        <source>Call URL:</source>
        <translation>Anruf-URL:</translation>
    </message>
    <message>
        <source>Handoff Note</source>
        <translation>Übergabenotiz</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Move Handoff</source>
        <translation>Übergabe verschieben</translation>
    </message>
    <message>
        <source>Hand off &amp;at (%1):</source>
        <translation>Übergabe &amp;um (%1):</translation>
    </message>
    <message>
        <source>The next shift of the rotation starts then, so no gap or overlap appears.</source>
        <translation>Die nächste Schicht der Rotation beginnt dann, sodass keine Lücke oder Überschneidung entsteht.</translation>
    </message>
    <message>
        <source>Open De&amp;tails</source>
        <translation>De&amp;tails öffnen</translation>
    </message>
    <message>
        <source>&amp;Swap Pair With…</source>
        <translation>Paar tau&amp;schen mit…</translation>
    </message>
    <message>
        <source>Assign &amp;Developer…</source>
        <translation>&amp;Entwickler einteilen…</translation>
    </message>
    <message>
        <source>Assign &amp;Ops Engineer…</source>
        <translation>&amp;Ops-Engineer einteilen…</translation>
    </message>
    <message>
        <source>&amp;Clear Developer Seat</source>
        <translation>Entwicklerplatz &amp;leeren</translation>
    </message>
    <message>
        <source>Clear Ops S&amp;eat</source>
        <translation>Ops-Platz lee&amp;ren</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>Fixierung &amp;aufheben</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Fixieren</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>&amp;Move Handoff…</source>
        <translation>Übergabe verschie&amp;ben…</translation>
    </message>
    <message>
        <source>Edit Handoff &amp;Note…</source>
        <translation>Übergabe&amp;notiz bearbeiten…</translation>
    </message>
    <message>
        <source>Edit &amp;Bridge Link…</source>
        <translation>Bridge-Link bearbe&amp;iten…</translation>
    </message>
    <message>
        <source>&amp;Re-plan From Here…</source>
        <translation>Ab hier neu &amp;planen…</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>Plan From This &amp;Day…</source>
        <translation>Ab diesem &amp;Tag planen…</translation>
    </message>
    <message>
        <source>Print This Mont&amp;h…</source>
        <translation>Diesen &amp;Monat drucken…</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>shadows this shift now</source>
        <translation>begleitet diese Schicht jetzt als Schatten</translation>
    </message>
    <message>
        <source>onboarding in %1</source>
        <translation>in Einarbeitung in %1</translation>
    </message>
    <message>
        <source>Assign Shadow</source>
        <translation>Schatten zuweisen</translation>
    </message>
    <message>
        <source>Who shadows the pair of %1, %2 (no load, no production access)?</source>
        <translation>Wer begleitet das Paar von %1, %2 als Schatten (ohne Last, ohne Produktionszugang)?</translation>
    </message>
    <message>
        <source>Assign Shado&amp;w…</source>
        <translation>Scha&amp;tten zuweisen…</translation>
    </message>
    <message>
        <source>Clear S&amp;hadow</source>
        <translation>Schatten ent&amp;fernen</translation>
    </message>
    <message>
        <source>Rotation or service</source>
        <translation>Rotation oder Dienst</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Dienst: %1</translation>
    </message>
</context>
<context>
    <name>Tandem::Cli</name>
    <message>
        <source>This help; COMMAND --help for a command.</source>
        <translation>Diese Hilfe; BEFEHL --help für einen Befehl.</translation>
    </message>
    <message>
        <source>The version.</source>
        <translation>Die Version.</translation>
    </message>
    <message>
        <source>Exit status: 0 success, 1 bad input, 2 bad usage.</source>
        <translation>Rückgabewert: 0 Erfolg, 1 ungültige Eingabe, 2 falsche Verwendung.</translation>
    </message>
    <message>
        <source>The database file (default: tandem.sqlite in the user&apos;s data folder).</source>
        <translation>Die Datenbankdatei (Vorgabe: tandem.sqlite im Datenordner des Benutzers).</translation>
    </message>
    <message>
        <source>The demo team&apos;s database (a file of its own, filled on first use).</source>
        <translation>Die Datenbank des Demo-Teams (eine eigene Datei, beim ersten Gebrauch gefüllt).</translation>
    </message>
    <message>
        <source>The GUI opens on PAGE: home, roster or calendar.</source>
        <translation>Die GUI öffnet die Seite PAGE: home, roster oder calendar.</translation>
    </message>
    <message>
        <source>The GUI starts in the tray (minimized where there is none), as at login.</source>
        <translation>Die GUI startet im Systembereich der Kontrollleiste (minimiert, wo es keinen gibt), wie bei der Anmeldung.</translation>
    </message>
    <message>
        <source>Import people from a CSV file; updates people by e-mail.</source>
        <translation>Personen aus einer CSV-Datei importieren; vorhandene Personen werden über die E-Mail-Adresse aktualisiert.</translation>
    </message>
    <message>
        <source>Write the roster as CSV to FILE or standard output.</source>
        <translation>Die Personalliste als CSV in FILE oder auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>List the people on the roster.</source>
        <translation>Die Personen der Personalliste auflisten.</translation>
    </message>
    <message>
        <source>Record time off (dates as YYYY-MM-DD, both included).</source>
        <translation>Eine Abwesenheit erfassen (Daten als YYYY-MM-DD, beide einschließlich).</translation>
    </message>
    <message>
        <source>List time off.</source>
        <translation>Abwesenheiten auflisten.</translation>
    </message>
    <message>
        <source>Create an ops pool: people with production access who fill the ops seat.</source>
        <translation>Einen Ops-Pool anlegen: Personen mit Produktionszugang, die den Ops-Platz besetzen.</translation>
    </message>
    <message>
        <source>Rename an ops pool or replace its members.</source>
        <translation>Einen Ops-Pool umbenennen oder seine Mitglieder ersetzen.</translation>
    </message>
    <message>
        <source>List the ops pools, their members and rotations.</source>
        <translation>Die Ops-Pools mit ihren Mitgliedern und Rotationen auflisten.</translation>
    </message>
    <message>
        <source>Delete an ops pool that no rotation uses.</source>
        <translation>Einen Ops-Pool löschen, den keine Rotation verwendet.</translation>
    </message>
    <message>
        <source>Create a rotation; rotation add --help lists its shape and rule options.</source>
        <translation>Eine Rotation anlegen; rotation add --help listet die Optionen für Form und Regeln auf.</translation>
    </message>
    <message>
        <source>Change a rotation; only the options given change.</source>
        <translation>Eine Rotation ändern; nur die angegebenen Optionen ändern sich.</translation>
    </message>
    <message>
        <source>List the rotations.</source>
        <translation>Die Rotationen auflisten.</translation>
    </message>
    <message>
        <source>Show every setting of a rotation in words.</source>
        <translation>Jede Einstellung einer Rotation in Worten zeigen.</translation>
    </message>
    <message>
        <source>Take a rotation out of use; past shifts stay, shifts not yet started are deleted.</source>
        <translation>Eine Rotation außer Betrieb nehmen; vergangene Schichten bleiben, noch nicht begonnene werden gelöscht.</translation>
    </message>
    <message>
        <source>List shifts overlapping the days (default: today and the next 4 weeks).</source>
        <translation>Schichten auflisten, die die Tage überlappen (Vorgabe: heute und die nächsten 4 Wochen).</translation>
    </message>
    <message>
        <source>Plan fair dev+ops pairs for the days and write them (unless --dry-run).</source>
        <translation>Faire Paare aus Entwickler und Ops für die Tage planen und schreiben (außer mit --dry-run).</translation>
    </message>
    <message>
        <source>Shifts, weighted load against fair share, weekends, holidays, nights and partners per person.</source>
        <translation>Schichten, gewichtete Last gegenüber fairem Anteil, Wochenenden, Feiertage, Nächte und Partner pro Person.</translation>
    </message>
    <message>
        <source>On-call hours per person and month: weekday, weekend and holiday hours, for payroll.</source>
        <translation>Bereitschaftsstunden pro Person und Monat: Stunden an Werktagen, Wochenenden und Feiertagen, für die Abrechnung.</translation>
    </message>
    <message>
        <source>Gaps in dev + production-access coverage, and who changed which shift when.</source>
        <translation>Lücken in der Abdeckung durch Entwickler + Produktionszugang, und wer welche Schicht wann geändert hat.</translation>
    </message>
    <message>
        <source>Share a team through a CalDAV server, or join one, and sync both ways.</source>
        <translation>Ein Team über einen CalDAV-Server teilen oder einem beitreten, und in beide Richtungen synchronisieren.</translation>
    </message>
    <message>
        <source>Where each shared team syncs to, when it last did, what waits.</source>
        <translation>Wohin jedes geteilte Team synchronisiert, wann zuletzt, was noch wartet.</translation>
    </message>
    <message>
        <source>Changes both sides made differently, with both versions.</source>
        <translation>Änderungen, die beide Seiten unterschiedlich vorgenommen haben, mit beiden Versionen.</translation>
    </message>
    <message>
        <source>Keep the local version of a conflict or take the server&apos;s.</source>
        <translation>Bei einem Konflikt die lokale Version behalten oder die des Servers übernehmen.</translation>
    </message>
    <message>
        <source>Changes from the server that break a rule (gaps, overlaps, hard rules), until fixed or dismissed.</source>
        <translation>Änderungen vom Server, die eine Regel verletzen (Lücken, Überschneidungen, harte Regeln), bis sie korrigiert oder verworfen sind.</translation>
    </message>
    <message>
        <source>Time off other calendar clients put in the shared calendar, offered for import.</source>
        <translation>Abwesenheiten, die andere Kalenderprogramme in den geteilten Kalender eingetragen haben, zum Import angeboten.</translation>
    </message>
    <message>
        <source>Stop sharing a team.</source>
        <translation>Das Teilen eines Teams beenden.</translation>
    </message>
    <message>
        <source>Your next shift: when (your zone and the rotation&apos;s), with whom, the handoff note; then 3 months.</source>
        <translation>Ihre nächste Schicht: wann (in Ihrer Zone und der der Rotation), mit wem, die Übergabenotiz; dann 3 Monate.</translation>
    </message>
    <message>
        <source>Who is on call now in each rotation, their contacts and handoff; gaps plainly.</source>
        <translation>Wer jetzt in jeder Rotation Bereitschaft hat, mit Kontakten und Übergabe; Lücken klar benannt.</translation>
    </message>
    <message>
        <source>Leave the handoff note on a shift for the next pair.</source>
        <translation>Die Übergabenotiz einer Schicht für das nächste Paar hinterlassen.</translation>
    </message>
    <message>
        <source>Ask a colleague to swap shifts (--their-shift) or to cover yours (all, or a part).</source>
        <translation>Einen Kollegen bitten, Schichten zu tauschen (--their-shift) oder Ihre zu vertreten (ganz oder teilweise).</translation>
    </message>
    <message>
        <source>Answer a request you were asked; an accepted one applies unless a lead must approve.</source>
        <translation>Eine an Sie gerichtete Anfrage beantworten; eine angenommene wird wirksam, sofern keine Teamleitung genehmigen muss.</translation>
    </message>
    <message>
        <source>As a lead, approve or refuse an accepted request of a rotation that needs approval.</source>
        <translation>Als Teamleitung eine angenommene Anfrage einer Rotation, die eine Genehmigung verlangt, genehmigen oder zurückweisen.</translation>
    </message>
    <message>
        <source>Withdraw a request you made.</source>
        <translation>Eine eigene Anfrage zurückziehen.</translation>
    </message>
    <message>
        <source>Requests you made or were asked, or those waiting for a lead.</source>
        <translation>Anfragen, die Sie gestellt oder erhalten haben, oder die auf eine Teamleitung warten.</translation>
    </message>
    <message>
        <source>Write shifts (and time off) as an iCalendar file for calendar apps.</source>
        <translation>Schichten (und Abwesenheiten) als iCalendar-Datei für Kalenderprogramme schreiben.</translation>
    </message>
    <message>
        <source>Import time off or public holidays from an iCalendar file; repeating events expanded.</source>
        <translation>Abwesenheiten oder gesetzliche Feiertage aus einer iCalendar-Datei importieren; Wiederholungen werden aufgelöst.</translation>
    </message>
    <message>
        <source>Print a rotation sheet (month grid, list with phones, or one person&apos;s shifts) to PDF.</source>
        <translation>Einen Rotationsplan (Monatsraster, Liste mit Telefonnummern oder die Schichten einer Person) als PDF drucken.</translation>
    </message>
    <message>
        <source>Tandem plans on-call rotations in which every shift pairs a developer with an operations engineer.</source>
        <translation>Tandem plant Bereitschaftsrotationen, in denen jede Schicht einen Entwickler mit einem Ops-Engineer zusammenbringt.</translation>
    </message>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>start the GUI</source>
        <translation>die GUI starten</translation>
    </message>
    <message>
        <source>run a command headless</source>
        <translation>einen Befehl ohne GUI ausführen</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>Commands of %1:</source>
        <translation>Befehle von %1:</translation>
    </message>
    <message>
        <source>unknown command “%1 %2”</source>
        <translation>unbekannter Befehl „%1 %2“</translation>
    </message>
    <message>
        <source>unknown command “%1”</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>Check the whole database file for damage (SQLite&apos;s integrity check); nothing is written.</source>
        <translation>Die ganze Datenbankdatei auf Schäden prüfen (Integritätsprüfung von SQLite); es wird nichts geschrieben.</translation>
    </message>
    <message>
        <source>Move change-log entries older than N days (setting history/keep_days) into an archive file.</source>
        <translation>Änderungsprotokoll-Einträge, die älter als N Tage sind (Einstellung history/keep_days), in eine Archivdatei verschieben.</translation>
    </message>
    <message>
        <source>--db needs a PATH</source>
        <translation>--db braucht einen PATH</translation>
    </message>
    <message>
        <source>--db: the PATH is empty; give the database file</source>
        <translation>--db: PATH ist leer; geben Sie die Datenbankdatei an</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>day %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>nobody on the roster has the e-mail “%1”</source>
        <translation>niemand in der Personalliste hat die E-Mail-Adresse „%1“</translation>
    </message>
    <message>
        <source>Rename the rotation to NEW.</source>
        <translation>Die Rotation in NEW umbenennen.</translation>
    </message>
    <message>
        <source>The team whose developers take the dev seat.</source>
        <translation>Das Team, dessen Entwickler den Entwicklerplatz besetzen.</translation>
    </message>
    <message>
        <source>The ops pool that fills the ops seat.</source>
        <translation>Der Ops-Pool, der den Ops-Platz besetzt.</translation>
    </message>
    <message>
        <source>IANA zone of the handoffs (default: the team&apos;s).</source>
        <translation>IANA-Zeitzone der Übergaben (Standard: die des Teams).</translation>
    </message>
    <message>
        <source>Shift length: hours h, days d, weeks w, e.g. 24h, 12h, 7d, 2w (default 7d).</source>
        <translation>Schichtlänge: Stunden h, Tage d, Wochen w, z. B. 24h, 12h, 7d, 2w (Standard 7d).</translation>
    </message>
    <message>
        <source>Weekday of the handoff, mon..sun (default mon).</source>
        <translation>Wochentag der Übergabe, mon..sun (Standard mon).</translation>
    </message>
    <message>
        <source>Local time of the handoff (default 09:00).</source>
        <translation>Ortszeit der Übergabe (Standard 09:00).</translation>
    </message>
    <message>
        <source>Days the rotation runs: all, mon-fri, mon,wed,fri (default all).</source>
        <translation>Tage, an denen die Rotation läuft: all, mon-fri, mon,wed,fri (Standard all).</translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD (default today).</source>
        <translation>Erster Tag, YYYY-MM-DD (Standard heute).</translation>
    </message>
    <message>
        <source>Hours of rest between one person&apos;s shifts (-1: one shift length).</source>
        <translation>Ruhestunden zwischen den Schichten einer Person (-1: eine Schichtlänge).</translation>
    </message>
    <message>
        <source>At most N shifts per person in any 4 weeks (0: no limit).</source>
        <translation>Höchstens N Schichten pro Person in beliebigen 4 Wochen (0: keine Grenze).</translation>
    </message>
    <message>
        <source>Rotations one ops engineer may cover at once (default 1).</source>
        <translation>Rotationen, die ein Ops-Engineer gleichzeitig abdecken darf (Standard 1).</translation>
    </message>
    <message>
        <source>Let the same pair work two consecutive shifts.</source>
        <translation>Dasselbe Paar darf zwei aufeinanderfolgende Schichten arbeiten.</translation>
    </message>
    <message>
        <source>Never the same pair in two consecutive shifts (the default).</source>
        <translation>Nie dasselbe Paar in zwei aufeinanderfolgenden Schichten (der Standard).</translation>
    </message>
    <message>
        <source>A lead approves swaps and covers the colleagues agreed on.</source>
        <translation>Eine Teamleitung genehmigt Tausch und Vertretung, auf die sich die Kollegen geeinigt haben.</translation>
    </message>
    <message>
        <source>Swaps and covers apply once the colleague accepts (the default).</source>
        <translation>Tausch und Vertretung werden wirksam, sobald der Kollege annimmt (der Standard).</translation>
    </message>
    <message>
        <source>Developers who pair only with a senior ops engineer (empty: none).</source>
        <translation>Entwickler, die nur mit einem Senior-Ops-Engineer ein Paar bilden (leer: keine).</translation>
    </message>
    <message>
        <source>Pairs that never share a shift (empty: none).</source>
        <translation>Paare, die nie eine Schicht teilen (leer: keine).</translation>
    </message>
    <message>
        <source>Load of a weekend day (default 1.5).</source>
        <translation>Last eines Wochenendtags (Standard 1.5).</translation>
    </message>
    <message>
        <source>Load of a public holiday (default 2.0).</source>
        <translation>Last eines gesetzlichen Feiertags (Standard 2.0).</translation>
    </message>
    <message>
        <source>Factor on night hours, 22:00-06:00 (default 1.0).</source>
        <translation>Faktor für Nachtstunden, 22:00-06:00 (Standard 1.0).</translation>
    </message>
    <message>
        <source>Published shifts this close never move (default 14).</source>
        <translation>Veröffentlichte Schichten, die so nah bevorstehen, werden nie verschoben (Standard 14).</translation>
    </message>
    <message>
        <source>Weeks of past shifts that count for fairness (default 26).</source>
        <translation>Wochen vergangener Schichten, die für die Fairness zählen (Standard 26).</translation>
    </message>
    <message>
        <source>no team named “%1”</source>
        <translation>kein Team namens „%1“</translation>
    </message>
    <message>
        <source>no ops pool named “%1”</source>
        <translation>kein Ops-Pool namens „%1“</translation>
    </message>
    <message>
        <source>“%1” is not a shift length (use e.g. 24h, 12h, 7d)</source>
        <translation>„%1“ ist keine Schichtlänge (verwenden Sie z. B. 24h, 12h, 7d)</translation>
    </message>
    <message>
        <source>“%1” is not a weekday (use mon, tue, wed, thu, fri, sat or sun)</source>
        <translation>„%1“ ist kein Wochentag (verwenden Sie mon, tue, wed, thu, fri, sat oder sun)</translation>
    </message>
    <message>
        <source>“%1” is not a time of day (use HH:MM, e.g. 09:00)</source>
        <translation>„%1“ ist keine Uhrzeit (verwenden Sie HH:MM, z. B. 09:00)</translation>
    </message>
    <message>
        <source>“%1” is not a set of days (use all, mon-fri or mon,wed,fri)</source>
        <translation>„%1“ ist keine Menge von Tagen (verwenden Sie all, mon-fri oder mon,wed,fri)</translation>
    </message>
    <message>
        <source>“%1” is not a date (expected YYYY-MM-DD)</source>
        <translation>„%1“ ist kein Datum (erwartet: YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>“%1” is not a whole number</source>
        <translation>„%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>“%1” is not a number</source>
        <translation>„%1“ ist keine Zahl</translation>
    </message>
    <message>
        <source>cannot be given with --disallow-same-pair-consecutive</source>
        <translation>kann nicht zusammen mit --disallow-same-pair-consecutive angegeben werden</translation>
    </message>
    <message>
        <source>cannot be given with --swaps-without-approval</source>
        <translation>kann nicht zusammen mit --swaps-without-approval angegeben werden</translation>
    </message>
    <message>
        <source>“%1” is not a pair DEV_EMAIL:OPS_EMAIL</source>
        <translation>„%1“ ist kein Paar DEV_EMAIL:OPS_EMAIL</translation>
    </message>
    <message>
        <source>%1 (see tandem --help)</source>
        <translation>%1 (siehe tandem --help)</translation>
    </message>
    <message>
        <source>waiting for another Tandem to finish writing to the database…</source>
        <translation>warte, bis ein anderes Tandem das Schreiben in die Datenbank beendet hat…</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Usage: tandem %1</source>
        <translation>Aufruf: tandem %1</translation>
    </message>
    <message>
        <source>Import people from a roster CSV file. Nothing is imported unless the whole file is valid; people already on the roster are updated by e-mail.</source>
        <translation>Personen aus einer CSV-Personalliste importieren. Nichts wird importiert, solange nicht die ganze Datei gültig ist; Personen, die bereits in der Personalliste stehen, werden über die E-Mail-Adresse aktualisiert.</translation>
    </message>
    <message>
        <source>Import the valid rows and skip the others.</source>
        <translation>Die gültigen Zeilen importieren und die anderen überspringen.</translation>
    </message>
    <message>
        <source>The CSV file: name,email,role,team,timezone,phone,capacity,production_access</source>
        <translation>Die CSV-Datei: name,email,role,team,timezone,phone,capacity,production_access</translation>
    </message>
    <message>
        <source>roster import needs exactly one FILE</source>
        <translation>roster import braucht genau eine FILE</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s); nothing was imported (fix them, or use --valid-only)</source>
        <translation>
            <numerusform>%1: %n Problem; nichts wurde importiert (beheben Sie es oder verwenden Sie --valid-only)</numerusform>
            <numerusform>%1: %n Probleme; nichts wurde importiert (beheben Sie sie oder verwenden Sie --valid-only)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 added, %3 updated, %4 unchanged, %5 skipped, %n team(s) created
</source>
        <translation>
            <numerusform>%1: %2 hinzugefügt, %3 aktualisiert, %4 unverändert, %5 übersprungen, %n Team angelegt
</numerusform>
            <numerusform>%1: %2 hinzugefügt, %3 aktualisiert, %4 unverändert, %5 übersprungen, %n Teams angelegt
</numerusform>
        </translation>
    </message>
    <message>
        <source>Write the roster as CSV, in the format roster import reads.</source>
        <translation>Die Personalliste als CSV schreiben, im Format, das roster import liest.</translation>
    </message>
    <message>
        <source>Where to write; standard output when left out.</source>
        <translation>Wohin geschrieben wird; ohne Angabe die Standardausgabe.</translation>
    </message>
    <message>
        <source>roster export takes at most one FILE</source>
        <translation>roster export nimmt höchstens eine FILE</translation>
    </message>
    <message>
        <source>Only the people of team NAME.</source>
        <translation>Nur die Personen des Teams NAME.</translation>
    </message>
    <message>
        <source>Print a JSON array (format in the README).</source>
        <translation>Ein JSON-Array ausgeben (Format im README).</translation>
    </message>
    <message>
        <source>roster list takes no arguments</source>
        <translation>roster list nimmt keine Argumente</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>EMAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <source>TEAMS</source>
        <translation>TEAMS</translation>
    </message>
    <message>
        <source>TIMEZONE</source>
        <translation>ZEITZONE</translation>
    </message>
    <message>
        <source>PROD</source>
        <translation>PROD</translation>
    </message>
    <message>
        <source>Record time off for a person; both dates are included.</source>
        <translation>Eine Abwesenheit für eine Person erfassen; beide Daten sind eingeschlossen.</translation>
    </message>
    <message>
        <source>The person&apos;s e-mail.</source>
        <translation>Die E-Mail-Adresse der Person.</translation>
    </message>
    <message>
        <source>First day off (YYYY-MM-DD).</source>
        <translation>Erster freier Tag (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Last day off (YYYY-MM-DD).</source>
        <translation>Letzter freier Tag (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Why (shown to the lead).</source>
        <translation>Der Grund (für die Teamleitung sichtbar).</translation>
    </message>
    <message>
        <source>timeoff add needs --%1</source>
        <translation>timeoff add braucht --%1</translation>
    </message>
    <message>
        <source>timeoff add takes no arguments besides its options</source>
        <translation>timeoff add nimmt außer seinen Optionen keine Argumente</translation>
    </message>
    <message>
        <source>--from: “%1” is not a date (expected YYYY-MM-DD)</source>
        <translation>--from: „%1“ ist kein Datum (erwartet: YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>--to: “%1” is not a date (expected YYYY-MM-DD)</source>
        <translation>--to: „%1“ ist kein Datum (erwartet: YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>--person: nobody on the roster has the e-mail “%1”</source>
        <translation>--person: niemand in der Personalliste hat die E-Mail-Adresse „%1“</translation>
    </message>
    <message>
        <source>%1 off from %2 to %3
</source>
        <translation>%1 abwesend von %2 bis %3
</translation>
    </message>
    <message>
        <source>List time off, by start date.</source>
        <translation>Abwesenheiten nach Beginn sortiert auflisten.</translation>
    </message>
    <message>
        <source>Only the time off of EMAIL.</source>
        <translation>Nur die Abwesenheiten von EMAIL.</translation>
    </message>
    <message>
        <source>timeoff list takes no arguments</source>
        <translation>timeoff list nimmt keine Argumente</translation>
    </message>
    <message>
        <source>FROM</source>
        <translation>VON</translation>
    </message>
    <message>
        <source>TO</source>
        <translation>BIS</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>GRUND</translation>
    </message>
    <message>
        <source>Create an ops pool: the people with production access who fill the ops seat of the rotations that use it. Several rotations may share a pool.</source>
        <translation>Einen Ops-Pool anlegen: die Personen mit Produktionszugang, die den Ops-Platz der Rotationen besetzen, die ihn verwenden. Mehrere Rotationen können sich einen Pool teilen.</translation>
    </message>
    <message>
        <source>The members&apos; e-mails, separated by commas.</source>
        <translation>Die E-Mail-Adressen der Mitglieder, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>The pool&apos;s name, e.g. &quot;Payments ops&quot;.</source>
        <translation>Der Name des Pools, z. B. &quot;Payments-Ops&quot;.</translation>
    </message>
    <message>
        <source>pool add needs exactly one NAME</source>
        <translation>pool add braucht genau einen NAME</translation>
    </message>
    <message>
        <source>pool add needs --members</source>
        <translation>pool add braucht --members</translation>
    </message>
    <message numerus="yes">
        <source>Ops pool %1: %n member(s)
</source>
        <translation>
            <numerusform>Ops-Pool %1: %n Mitglied
</numerusform>
            <numerusform>Ops-Pool %1: %n Mitglieder
</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename an ops pool or replace its members; only the options given change.</source>
        <translation>Einen Ops-Pool umbenennen oder seine Mitglieder ersetzen; nur die angegebenen Optionen ändern sich.</translation>
    </message>
    <message>
        <source>Rename the pool to NEW.</source>
        <translation>Den Pool in NEW umbenennen.</translation>
    </message>
    <message>
        <source>The new members&apos; e-mails, separated by commas.</source>
        <translation>Die E-Mail-Adressen der neuen Mitglieder, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>The pool to change.</source>
        <translation>Der zu ändernde Pool.</translation>
    </message>
    <message>
        <source>pool edit needs exactly one NAME</source>
        <translation>pool edit braucht genau einen NAME</translation>
    </message>
    <message>
        <source>List the ops pools with their members and the rotations that use them.</source>
        <translation>Die Ops-Pools mit ihren Mitgliedern und den Rotationen auflisten, die sie verwenden.</translation>
    </message>
    <message>
        <source>pool list takes no arguments</source>
        <translation>pool list nimmt keine Argumente</translation>
    </message>
    <message>
        <source>MEMBERS</source>
        <translation>MITGLIEDER</translation>
    </message>
    <message>
        <source>ROTATIONS</source>
        <translation>ROTATIONEN</translation>
    </message>
    <message>
        <source>Delete an ops pool. Refused while a rotation uses it.</source>
        <translation>Einen Ops-Pool löschen. Abgelehnt, solange eine Rotation ihn verwendet.</translation>
    </message>
    <message>
        <source>The pool to delete.</source>
        <translation>Der zu löschende Pool.</translation>
    </message>
    <message>
        <source>pool remove needs exactly one NAME</source>
        <translation>pool remove braucht genau einen NAME</translation>
    </message>
    <message>
        <source>Removed ops pool %1
</source>
        <translation>Ops-Pool %1 entfernt
</translation>
    </message>
    <message>
        <source>The rotation&apos;s name, e.g. &quot;Payments on call&quot;.</source>
        <translation>Der Name der Rotation, z. B. &quot;Payments-Bereitschaft&quot;.</translation>
    </message>
    <message>
        <source>The rotation to change.</source>
        <translation>Die zu ändernde Rotation.</translation>
    </message>
    <message>
        <source>%1 needs exactly one NAME</source>
        <translation>%1 braucht genau einen NAME</translation>
    </message>
    <message>
        <source>rotation add needs --%1</source>
        <translation>rotation add braucht --%1</translation>
    </message>
    <message>
        <source>no rotation named “%1”</source>
        <translation>keine Rotation namens „%1“</translation>
    </message>
    <message>
        <source>%1: %2, from %3
</source>
        <translation>%1: %2, ab %3
</translation>
    </message>
    <message>
        <source>rotation list takes no arguments</source>
        <translation>rotation list nimmt keine Argumente</translation>
    </message>
    <message>
        <source>TEAM</source>
        <translation>TEAM</translation>
    </message>
    <message>
        <source>OPS POOL</source>
        <translation>OPS-POOL</translation>
    </message>
    <message>
        <source>SHIFTS</source>
        <translation>SCHICHTEN</translation>
    </message>
    <message>
        <source>START</source>
        <translation>BEGINN</translation>
    </message>
    <message>
        <source>Print a JSON object (format in the README).</source>
        <translation>Ein JSON-Objekt ausgeben (Format im README).</translation>
    </message>
    <message>
        <source>The rotation.</source>
        <translation>Die Rotation.</translation>
    </message>
    <message>
        <source>rotation show needs exactly one NAME</source>
        <translation>rotation show braucht genau einen NAME</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>developers</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>the team&apos;s active developers: %1</source>
        <translation>die aktiven Entwickler des Teams: %1</translation>
    </message>
    <message>
        <source>ops pool</source>
        <translation>Ops-Pool</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>Ruhezeit</translation>
    </message>
    <message>
        <source>one shift length between a person&apos;s shifts (no back-to-back)</source>
        <translation>eine Schichtlänge zwischen den Schichten einer Person (keine direkt aufeinanderfolgenden)</translation>
    </message>
    <message>
        <source>none required (back-to-back shifts allowed)</source>
        <translation>keine vorgeschrieben (direkt aufeinanderfolgende Schichten erlaubt)</translation>
    </message>
    <message>
        <source>at least %1 hours between a person&apos;s shifts</source>
        <translation>mindestens %1 Stunden zwischen den Schichten einer Person</translation>
    </message>
    <message>
        <source>per person</source>
        <translation>Pro Person</translation>
    </message>
    <message>
        <source>no limit on shifts in 4 weeks</source>
        <translation>keine Grenze für Schichten in 4 Wochen</translation>
    </message>
    <message numerus="yes">
        <source>at most %n shift(s) in any 4 weeks</source>
        <translation>
            <numerusform>höchstens %n Schicht in beliebigen 4 Wochen</numerusform>
            <numerusform>höchstens %n Schichten in beliebigen 4 Wochen</numerusform>
        </translation>
    </message>
    <message>
        <source>ops concurrency</source>
        <translation>Ops-Parallelität</translation>
    </message>
    <message numerus="yes">
        <source>an ops engineer covers at most %n rotation(s) at a time</source>
        <translation>
            <numerusform>ein Ops-Engineer deckt höchstens %n Rotation gleichzeitig ab</numerusform>
            <numerusform>ein Ops-Engineer deckt höchstens %n Rotationen gleichzeitig ab</numerusform>
        </translation>
    </message>
    <message>
        <source>same pair</source>
        <translation>Gleiches Paar</translation>
    </message>
    <message>
        <source>never in two consecutive shifts</source>
        <translation>nie in zwei aufeinanderfolgenden Schichten</translation>
    </message>
    <message>
        <source>may work consecutive shifts</source>
        <translation>darf aufeinanderfolgende Schichten arbeiten</translation>
    </message>
    <message>
        <source>swaps</source>
        <translation>Tausch</translation>
    </message>
    <message>
        <source>a lead approves what colleagues agree on</source>
        <translation>eine Teamleitung genehmigt, worauf sich die Kollegen einigen</translation>
    </message>
    <message>
        <source>apply once the colleague accepts</source>
        <translation>wirksam, sobald der Kollege annimmt</translation>
    </message>
    <message>
        <source>new developers</source>
        <translation>Neue Entwickler</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (pair only with a senior ops engineer)</source>
        <translation>%1 (nur mit einem Senior-Ops-Engineer als Paar)</translation>
    </message>
    <message>
        <source>forbidden pairs</source>
        <translation>Verbotene Paare</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>weekend day %1, public holiday %2, night hours %3-%4 %5</source>
        <translation>Wochenendtag %1, gesetzlicher Feiertag %2, Nachtstunden %3-%4 %5</translation>
    </message>
    <message>
        <source>freeze</source>
        <translation>Sperrfrist</translation>
    </message>
    <message numerus="yes">
        <source>published shifts starting within %n day(s) never move</source>
        <translation>
            <numerusform>veröffentlichte Schichten, die innerhalb von %n Tag beginnen, werden nie verschoben</numerusform>
            <numerusform>veröffentlichte Schichten, die innerhalb von %n Tagen beginnen, werden nie verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>look-back</source>
        <translation>Rückblick</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s) of past shifts count for fairness</source>
        <translation>
            <numerusform>%n Woche vergangener Schichten zählt für die Fairness</numerusform>
            <numerusform>%n Wochen vergangener Schichten zählen für die Fairness</numerusform>
        </translation>
    </message>
    <message>
        <source>Take a rotation out of use. Its past shifts and the one under way stay; shifts that have not started are deleted.</source>
        <translation>Eine Rotation außer Betrieb nehmen. Ihre vergangenen Schichten und die laufende bleiben; Schichten, die noch nicht begonnen haben, werden gelöscht.</translation>
    </message>
    <message>
        <source>rotation remove needs exactly one NAME</source>
        <translation>rotation remove braucht genau einen NAME</translation>
    </message>
    <message>
        <source>Removed rotation %1
</source>
        <translation>Rotation %1 entfernt
</translation>
    </message>
    <message>
        <source>Check the whole database file for damage: SQLite&apos;s integrity check of every page, table and index, on a read-only connection (nothing is written). Tandem does this by itself after a session ended without closing the file (a crash, a kill, a power cut). Exit status 0 when the file is sound, 1 when it is damaged or cannot be read.</source>
        <translation>Die ganze Datenbankdatei auf Schäden prüfen: die Integritätsprüfung von SQLite für jede Seite, Tabelle und jeden Index, über eine schreibgeschützte Verbindung (nichts wird geschrieben). Tandem tut das von selbst, wenn eine Sitzung endete, ohne die Datei zu schließen (ein Absturz, ein Kill, ein Stromausfall). Exit-Status 0, wenn die Datei in Ordnung ist, 1, wenn sie beschädigt ist oder nicht gelesen werden kann.</translation>
    </message>
    <message>
        <source>check takes no arguments</source>
        <translation>check nimmt keine Argumente</translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged: %n problem(s) or more (restore it from a backup, or from the team&apos;s shared calendar)</source>
        <translation>
            <numerusform>%1 ist beschädigt: %n Problem oder mehr (stellen Sie die Datei aus einer Sicherung oder aus dem geteilten Kalender des Teams wieder her)</numerusform>
            <numerusform>%1 ist beschädigt: %n Probleme oder mehr (stellen Sie die Datei aus einer Sicherung oder aus dem geteilten Kalender des Teams wieder her)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is damaged: %n problem(s) (restore it from a backup, or from the team&apos;s shared calendar)</source>
        <translation>
            <numerusform>%1 ist beschädigt: %n Problem (stellen Sie die Datei aus einer Sicherung oder aus dem geteilten Kalender des Teams wieder her)</numerusform>
            <numerusform>%1 ist beschädigt: %n Probleme (stellen Sie die Datei aus einer Sicherung oder aus dem geteilten Kalender des Teams wieder her)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no damage found
</source>
        <translation>%1: keine Schäden gefunden
</translation>
    </message>
    <message>
        <source>List the shifts that overlap the days from --from to --to (both included; default today and the next 4 weeks), in the rotation&apos;s time zone, or the local one across rotations.</source>
        <translation>Die Schichten auflisten, die die Tage von --from bis --to überschneiden (beide eingeschlossen; Standard heute und die nächsten 4 Wochen), in der Zeitzone der Rotation oder, über mehrere Rotationen, in der lokalen.</translation>
    </message>
    <message>
        <source>Only the shifts of rotation NAME.</source>
        <translation>Nur die Schichten der Rotation NAME.</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD; default today).</source>
        <translation>Erster Tag (YYYY-MM-DD; Standard heute).</translation>
    </message>
    <message>
        <source>Last day, included (YYYY-MM-DD; default 4 weeks after --from).</source>
        <translation>Letzter Tag, eingeschlossen (YYYY-MM-DD; Standard 4 Wochen nach --from).</translation>
    </message>
    <message>
        <source>shifts list takes no arguments</source>
        <translation>shifts list nimmt keine Argumente</translation>
    </message>
    <message>
        <source>--rotation: no rotation named “%1”</source>
        <translation>--rotation: keine Rotation namens „%1“</translation>
    </message>
    <message>
        <source>--to: %1 is before --from %2</source>
        <translation>--to: %1 liegt vor --from %2</translation>
    </message>
    <message>
        <source>— gap —</source>
        <translation>— Lücke —</translation>
    </message>
    <message>
        <source>No shifts from %1 to %2.
</source>
        <translation>Keine Schichten von %1 bis %2.
</translation>
    </message>
    <message>
        <source>ROTATION</source>
        <translation>ROTATION</translation>
    </message>
    <message>
        <source>END</source>
        <translation>ENDE</translation>
    </message>
    <message>
        <source>ZONE</source>
        <translation>ZONE</translation>
    </message>
    <message>
        <source>DEV</source>
        <translation>ENTWICKLER</translation>
    </message>
    <message>
        <source>OPS</source>
        <translation>OPS</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>operations</source>
        <translation>Ops-Engineer</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>published</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>fixiert</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>dev</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>cover</source>
        <translation>Vertretung</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>Tausch</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>durchgeführt</translation>
    </message>
    <message>
        <source>--person: say who you are with --person EMAIL (or set your identity in the app)</source>
        <translation>--person: Sagen Sie mit --person EMAIL, wer Sie sind (oder legen Sie Ihre Identität in der App fest)</translation>
    </message>
    <message>
        <source>Your next shift (or the one under way): when, in your zone and the rotation&apos;s, with whom, and the handoff note the pair before left; then your shifts of the next 3 months.</source>
        <translation>Ihre nächste Schicht (oder die laufende): wann, in Ihrer Zeitzone und der der Rotation, mit wem, und die Übergabenotiz des Paars davor; dann Ihre Schichten der nächsten 3 Monate.</translation>
    </message>
    <message>
        <source>Whose shifts (default: your configured identity).</source>
        <translation>Wessen Schichten (Standard: Ihre eingestellte Identität).</translation>
    </message>
    <message>
        <source>next takes no arguments</source>
        <translation>next nimmt keine Argumente</translation>
    </message>
    <message>
        <source>%1 has no shift planned.
</source>
        <translation>Für %1 ist keine Schicht geplant.
</translation>
    </message>
    <message>
        <source>%1 is on call now: %2 (%3)
</source>
        <translation>%1 hat jetzt Bereitschaft: %2 (%3)
</translation>
    </message>
    <message>
        <source>%1&apos;s next shift: %2 (%3)
</source>
        <translation>Nächste Schicht von %1: %2 (%3)
</translation>
    </message>
    <message>
        <source>ops seat</source>
        <translation>Ops-Platz</translation>
    </message>
    <message>
        <source>dev seat</source>
        <translation>Entwicklerplatz</translation>
    </message>
    <message>
        <source>  from   %1 to %2 %3
</source>
        <translation>  von    %1 bis %2 %3
</translation>
    </message>
    <message>
        <source>         %1 to %2 %3
</source>
        <translation>         %1 bis %2 %3
</translation>
    </message>
    <message>
        <source>  hands off %1
</source>
        <translation>  Übergabe %1
</translation>
    </message>
    <message>
        <source>  starts %1
</source>
        <translation>  Beginn %1
</translation>
    </message>
    <message>
        <source>  with   %1
</source>
        <translation>  mit    %1
</translation>
    </message>
    <message>
        <source>  bridge %1
</source>
        <translation>  Bridge %1
</translation>
    </message>
    <message>
        <source>  handoff note: %1
</source>
        <translation>  Übergabenotiz: %1
</translation>
    </message>
    <message>
        <source>  shift  %1
</source>
        <translation>  Schicht %1
</translation>
    </message>
    <message>
        <source>
Upcoming (3 months):
</source>
        <translation>
Demnächst (3 Monate):
</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Who is on call now in every rotation: the pair, their contacts, when they hand off; gaps plainly.</source>
        <translation>Wer jetzt in jeder Rotation Bereitschaft hat: das Paar, seine Kontakte, wann es übergibt; Lücken klar benannt.</translation>
    </message>
    <message>
        <source>Only rotation NAME.</source>
        <translation>Nur die Rotation NAME.</translation>
    </message>
    <message>
        <source>now takes no arguments</source>
        <translation>now nimmt keine Argumente</translation>
    </message>
    <message>
        <source>  nobody: no shift is planned now</source>
        <translation>  niemand: jetzt ist keine Schicht geplant</translation>
    </message>
    <message>
        <source>; the next starts %1 %2
</source>
        <translation>; die nächste beginnt %1 %2
</translation>
    </message>
    <message>
        <source>; none is planned
</source>
        <translation>; keine ist geplant
</translation>
    </message>
    <message>
        <source>  dev    %1
  ops    %2
</source>
        <translation>  Entwickler %1
  Ops        %2
</translation>
    </message>
    <message>
        <source>  gap: the dev and ops seat is empty
</source>
        <translation>  Lücke: Entwickler- und Ops-Platz sind leer
</translation>
    </message>
    <message>
        <source>  gap: the dev seat is empty
</source>
        <translation>  Lücke: der Entwicklerplatz ist leer
</translation>
    </message>
    <message>
        <source>  gap: the ops seat is empty
</source>
        <translation>  Lücke: der Ops-Platz ist leer
</translation>
    </message>
    <message>
        <source>  hands off %1 %2 (%3)
</source>
        <translation>  Übergabe %1 %2 (%3)
</translation>
    </message>
    <message>
        <source>No rotations.
</source>
        <translation>Keine Rotationen.
</translation>
    </message>
    <message>
        <source>Leave the handoff note on a shift (what is going on, what to watch); the next pair sees it. An empty TEXT removes the note.</source>
        <translation>Die Übergabenotiz einer Schicht hinterlassen (was los ist, worauf zu achten ist); das nächste Paar sieht sie. Ein leerer TEXT entfernt die Notiz.</translation>
    </message>
    <message>
        <source>The shift (its id, as `next` and `shifts list --json` print).</source>
        <translation>Die Schicht (ihre ID, wie `next` und `shifts list --json` sie ausgeben).</translation>
    </message>
    <message>
        <source>The note.</source>
        <translation>Die Notiz.</translation>
    </message>
    <message>
        <source>note needs --shift ID</source>
        <translation>note braucht --shift ID</translation>
    </message>
    <message>
        <source>note takes the note as one argument (quote it)</source>
        <translation>note nimmt die Notiz als ein Argument (setzen Sie sie in Anführungszeichen)</translation>
    </message>
    <message>
        <source>--shift: “%1” is not a shift id</source>
        <translation>--shift: „%1“ ist keine Schicht-ID</translation>
    </message>
    <message>
        <source>The note was already that.
</source>
        <translation>Die Notiz war bereits so.
</translation>
    </message>
    <message>
        <source>Saved the handoff note.
</source>
        <translation>Übergabenotiz gespeichert.
</translation>
    </message>
    <message>
        <source>Ask a colleague to swap your seat of a shift for theirs (--their-shift), or to cover it (all of it, or --from/--to). Refused before it is sent when it would break a hard rule.</source>
        <translation>Einen Kollegen bitten, Ihren Platz einer Schicht gegen seinen zu tauschen (--their-shift) oder Sie zu vertreten (ganz oder --from/--to). Abgelehnt, bevor sie gesendet wird, wenn sie eine harte Regel verletzen würde.</translation>
    </message>
    <message>
        <source>Your shift.</source>
        <translation>Ihre Schicht.</translation>
    </message>
    <message>
        <source>The colleague asked.</source>
        <translation>Der angefragte Kollege.</translation>
    </message>
    <message>
        <source>Their shift, for a swap.</source>
        <translation>Seine Schicht, für einen Tausch.</translation>
    </message>
    <message>
        <source>Cover only from this instant (ISO 8601, e.g. 2026-12-01T18:00Z).</source>
        <translation>Vertretung erst ab diesem Zeitpunkt (ISO 8601, z. B. 2026-12-01T18:00Z).</translation>
    </message>
    <message>
        <source>Cover only until this instant (ISO 8601).</source>
        <translation>Vertretung nur bis zu diesem Zeitpunkt (ISO 8601).</translation>
    </message>
    <message>
        <source>A word for the colleague.</source>
        <translation>Ein Wort an den Kollegen.</translation>
    </message>
    <message>
        <source>Who asks (default: your configured identity).</source>
        <translation>Wer fragt (Standard: Ihre eingestellte Identität).</translation>
    </message>
    <message>
        <source>swap request needs --shift ID and --with EMAIL</source>
        <translation>swap request braucht --shift ID und --with EMAIL</translation>
    </message>
    <message>
        <source>--their-shift (a swap) and --from/--to (cover of a part) exclude each other</source>
        <translation>--their-shift (ein Tausch) und --from/--to (Vertretung eines Teils) schließen einander aus</translation>
    </message>
    <message>
        <source>--from and --to go together</source>
        <translation>--from und --to gehören zusammen</translation>
    </message>
    <message>
        <source>--with: nobody on the roster has the e-mail “%1”</source>
        <translation>--with: niemand in der Personalliste hat die E-Mail-Adresse „%1“</translation>
    </message>
    <message>
        <source>--from/--to: not an ISO 8601 date and time (e.g. 2026-12-01T18:00Z)</source>
        <translation>--from/--to: kein Datum mit Uhrzeit nach ISO 8601 (z. B. 2026-12-01T18:00Z)</translation>
    </message>
    <message>
        <source>Asked %1: request %2 (%3)
</source>
        <translation>%1 gefragt: Anfrage %2 (%3)
</translation>
    </message>
    <message>
        <source>Who answers (default: your configured identity).</source>
        <translation>Wer antwortet (Standard: Ihre eingestellte Identität).</translation>
    </message>
    <message>
        <source>The request.</source>
        <translation>Die Anfrage.</translation>
    </message>
    <message>
        <source>swap %1 takes the request id</source>
        <translation>swap %1 nimmt die ID der Anfrage</translation>
    </message>
    <message>
        <source>“%1” is not a request id</source>
        <translation>„%1“ ist keine Anfrage-ID</translation>
    </message>
    <message>
        <source>Request %1 is %2.
</source>
        <translation>Anfrage %1 ist %2.
</translation>
    </message>
    <message>
        <source>Requests you made or were asked, newest first; with --waiting, those waiting for a lead.</source>
        <translation>Anfragen, die Sie gestellt oder erhalten haben, die neuesten zuerst; mit --waiting die, die auf eine Teamleitung warten.</translation>
    </message>
    <message>
        <source>Whose requests (default: your configured identity).</source>
        <translation>Wessen Anfragen (Standard: Ihre eingestellte Identität).</translation>
    </message>
    <message>
        <source>Accepted requests waiting for a lead&apos;s approval.</source>
        <translation>Angenommene Anfragen, die auf die Genehmigung einer Teamleitung warten.</translation>
    </message>
    <message>
        <source>Print a JSON array of requests (format in the README).</source>
        <translation>Ein JSON-Array der Anfragen ausgeben (Format im README).</translation>
    </message>
    <message>
        <source>No requests.
</source>
        <translation>Keine Anfragen.
</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>fest</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>POOL</source>
        <translation>POOL</translation>
    </message>
    <message>
        <source>LOAD</source>
        <translation>LAST</translation>
    </message>
    <message>
        <source>SHARE</source>
        <translation>ANTEIL</translation>
    </message>
    <message>
        <source>DEVIATION</source>
        <translation>ABWEICHUNG</translation>
    </message>
    <message>
        <source>WEEKENDS</source>
        <translation>WOCHENENDEN</translation>
    </message>
    <message>
        <source>HOLIDAYS</source>
        <translation>FEIERTAGE</translation>
    </message>
    <message>
        <source>NIGHTS</source>
        <translation>NÄCHTE</translation>
    </message>
    <message>
        <source>PARTNERS</source>
        <translation>PARTNER</translation>
    </message>
    <message>
        <source>%1: load %2 to %3 (spread %4), largest deviation from fair share %5
</source>
        <translation>%1: Last %2 bis %3 (Spanne %4), größte Abweichung vom fairen Anteil %5
</translation>
    </message>
    <message>
        <source>DEV \ OPS</source>
        <translation>ENTWICKLER \ OPS</translation>
    </message>
    <message>
        <source>
Pairs (shifts together):
</source>
        <translation>
Paare (gemeinsame Schichten):
</translation>
    </message>
    <message>
        <source>
Objective: largest deviation %1, sum of squares %2, most repeated pair %3 times, %4 distinct pairs, shortest rest %5 h
</source>
        <translation>
Zielfunktion: größte Abweichung %1, Quadratsumme %2, häufigstes Paar %3-mal, %4 verschiedene Paare, kürzeste Ruhezeit %5 h
</translation>
    </message>
    <message>
        <source>The rotation to plan (repeat for several).</source>
        <translation>Die zu planende Rotation (für mehrere wiederholen).</translation>
    </message>
    <message>
        <source>First day (YYYY-MM-DD).</source>
        <translation>Erster Tag (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Last day, included (YYYY-MM-DD).</source>
        <translation>Letzter Tag, eingeschlossen (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Show the plan without writing it.</source>
        <translation>Den Plan anzeigen, ohne ihn zu schreiben.</translation>
    </message>
    <message>
        <source>Print the plan as JSON (format in the README).</source>
        <translation>Den Plan als JSON ausgeben (Format im README).</translation>
    </message>
    <message>
        <source>Seed for breaking ties (default 1).</source>
        <translation>Startwert zum Auflösen von Gleichständen (Standard 1).</translation>
    </message>
    <message>
        <source>plan needs --%1</source>
        <translation>plan braucht --%1</translation>
    </message>
    <message>
        <source>plan takes no arguments besides its options</source>
        <translation>plan nimmt außer seinen Optionen keine Argumente</translation>
    </message>
    <message>
        <source>--seed: “%1” is not a whole number</source>
        <translation>--seed: „%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>CHANGE</source>
        <translation>ÄNDERUNG</translation>
    </message>
    <message>
        <source>
%1: %2 added, %3 changed, %4 unchanged, %5 fixed, %6 removed; %7
</source>
        <translation>
%1: %2 hinzugefügt, %3 geändert, %4 unverändert, %5 fest, %6 entfernt; %7
</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s)</source>
        <translation>
            <numerusform>%n Schicht</numerusform>
            <numerusform>%n Schichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s)</source>
        <translation>
            <numerusform>%n Lücke</numerusform>
            <numerusform>%n Lücken</numerusform>
        </translation>
    </message>
    <message>
        <source>  gap: %1 %2, dev seat: %3
</source>
        <translation>  Lücke: %1 %2, Entwicklerplatz: %3
</translation>
    </message>
    <message>
        <source>  gap: %1 %2, ops seat: %3
</source>
        <translation>  Lücke: %1 %2, Ops-Platz: %3
</translation>
    </message>
    <message>
        <source>%1: load %2 to %3, largest deviation from fair share %4%5
</source>
        <translation>%1: Last %2 bis %3, größte Abweichung vom fairen Anteil %4%5
</translation>
    </message>
    <message>
        <source> (optimal)</source>
        <translation> (optimal)</translation>
    </message>
    <message>
        <source> (within %1 of the bound %2)</source>
        <translation> (höchstens %1 über der Schranke %2)</translation>
    </message>
    <message>
        <source>Written: %1 added, %2 changed, %3 removed.
</source>
        <translation>Geschrieben: %1 hinzugefügt, %2 geändert, %3 entfernt.
</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.
</source>
        <translation>Probelauf: nichts wurde geschrieben.
</translation>
    </message>
    <message>
        <source>Fairness of the shifts in the database: per person shifts, weighted load against fair share, weekends, holidays, nights and partners; per pool the spread; the dev x ops pair matrix.</source>
        <translation>Fairness der Schichten in der Datenbank: pro Person Schichten, gewichtete Last gegenüber dem fairen Anteil, Wochenenden, Feiertage, Nächte und Partner; pro Pool die Spanne; die Paarmatrix Entwickler × Ops.</translation>
    </message>
    <message>
        <source>The rotation (repeat for several).</source>
        <translation>Die Rotation (für mehrere wiederholen).</translation>
    </message>
    <message>
        <source>First day (default: 26 weeks ago).</source>
        <translation>Erster Tag (Standard: vor 26 Wochen).</translation>
    </message>
    <message>
        <source>Last day, included (default: 13 weeks ahead).</source>
        <translation>Letzter Tag, eingeschlossen (Standard: in 13 Wochen).</translation>
    </message>
    <message>
        <source>Print JSON (format in the README).</source>
        <translation>JSON ausgeben (Format im README).</translation>
    </message>
    <message>
        <source>report fairness needs --rotation</source>
        <translation>report fairness braucht --rotation</translation>
    </message>
    <message>
        <source>Fairness from %1 to %2

</source>
        <translation>Fairness von %1 bis %2

</translation>
    </message>
    <message>
        <source>A rotation (repeat for several).</source>
        <translation>Eine Rotation (für mehrere wiederholen).</translation>
    </message>
    <message>
        <source>Every rotation of the team.</source>
        <translation>Jede Rotation des Teams.</translation>
    </message>
    <message>
        <source>Only this person&apos;s shifts.</source>
        <translation>Nur die Schichten dieser Person.</translation>
    </message>
    <message>
        <source>Write a PDF to FILE.</source>
        <translation>Ein PDF in FILE schreiben.</translation>
    </message>
    <message>
        <source>a4 or letter (default a4).</source>
        <translation>a4 oder letter (Standard a4).</translation>
    </message>
    <message>
        <source>Landscape pages.</source>
        <translation>Seiten im Querformat.</translation>
    </message>
    <message>
        <source>Grays instead of colours (patterns tell rotations apart).</source>
        <translation>Graustufen statt Farben (Muster unterscheiden die Rotationen).</translation>
    </message>
    <message>
        <source>--%1: “%2” is not a date (expected YYYY-MM-DD)</source>
        <translation>--%1: „%2“ ist kein Datum (erwartet: YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>--team: no team named “%1”</source>
        <translation>--team: kein Team namens „%1“</translation>
    </message>
    <message>
        <source>--person: nobody with the e-mail “%1”</source>
        <translation>--person: niemand mit der E-Mail-Adresse „%1“</translation>
    </message>
    <message>
        <source>--paper: “%1” is not a paper size (use a4 or letter)</source>
        <translation>--paper: „%1“ ist kein Papierformat (verwenden Sie a4 oder letter)</translation>
    </message>
    <message>
        <source>Print a rotation sheet to PDF: a month grid with the pairs of each day, a list with one row per shift (phones, escalation, bridge, room for notes), or one person&apos;s shifts. Without --rotation, --team or --person, every rotation. --to defaults to four weeks after --from, --from to today.</source>
        <translation>Einen Rotationsplan als PDF drucken: ein Monatsraster mit den Paaren jedes Tages, eine Liste mit einer Zeile pro Schicht (Telefonnummern, Eskalation, Bridge, Platz für Notizen) oder die Schichten einer Person. Ohne --rotation, --team oder --person jede Rotation. --to ist standardmäßig vier Wochen nach --from, --from heute.</translation>
    </message>
    <message>
        <source>month, list or person.</source>
        <translation>month, list oder person.</translation>
    </message>
    <message>
        <source>print takes no arguments besides its options</source>
        <translation>print nimmt außer seinen Optionen keine Argumente</translation>
    </message>
    <message>
        <source>print needs --%1</source>
        <translation>print braucht --%1</translation>
    </message>
    <message>
        <source>--layout: “%1” is not a layout (use month, list or person)</source>
        <translation>--layout: „%1“ ist kein Layout (verwenden Sie month, list oder person)</translation>
    </message>
    <message>
        <source>print --layout person needs --person</source>
        <translation>print --layout person braucht --person</translation>
    </message>
    <message>
        <source>--team: the team has no rotations</source>
        <translation>--team: das Team hat keine Rotationen</translation>
    </message>
    <message>
        <source>%1: %2, %3
</source>
        <translation>%1: %2, %3
</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>On-call hours per person per month, split into weekday, weekend and public-holiday hours (days in each rotation&apos;s zone), with the amount at the given rates. Default period: the previous month.</source>
        <translation>Bereitschaftsstunden pro Person und Monat, aufgeteilt in Stunden an Werktagen, Wochenenden und gesetzlichen Feiertagen (Tage in der Zeitzone der jeweiligen Rotation), mit dem Betrag zu den angegebenen Sätzen. Standardzeitraum: der Vormonat.</translation>
    </message>
    <message>
        <source>Pay per weekday hour (default 0).</source>
        <translation>Vergütung pro Werktagsstunde (Standard 0).</translation>
    </message>
    <message>
        <source>Pay per weekend hour (default 0).</source>
        <translation>Vergütung pro Wochenendstunde (Standard 0).</translation>
    </message>
    <message>
        <source>Pay per public-holiday hour (default 0).</source>
        <translation>Vergütung pro Feiertagsstunde (Standard 0).</translation>
    </message>
    <message>
        <source>Write CSV for payroll to FILE (- for standard output).</source>
        <translation>CSV für die Lohnabrechnung in FILE schreiben (- für die Standardausgabe).</translation>
    </message>
    <message>
        <source>report hours takes no arguments besides its options</source>
        <translation>report hours nimmt außer seinen Optionen keine Argumente</translation>
    </message>
    <message>
        <source>--%1: “%2” is not a rate (a number from 0 to 1,000,000,000)</source>
        <translation>--%1: „%2“ ist kein Satz (eine Zahl von 0 bis 1.000.000.000)</translation>
    </message>
    <message>
        <source>On-call hours</source>
        <translation>Bereitschaftsstunden</translation>
    </message>
    <message>
        <source>On-call hours from %1 to %2

</source>
        <translation>Bereitschaftsstunden von %1 bis %2

</translation>
    </message>
    <message>
        <source>MONTH</source>
        <translation>MONAT</translation>
    </message>
    <message>
        <source>WEEKDAY</source>
        <translation>WERKTAG</translation>
    </message>
    <message>
        <source>WEEKEND</source>
        <translation>WOCHENENDE</translation>
    </message>
    <message>
        <source>HOLIDAY</source>
        <translation>FEIERTAG</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>GESAMT</translation>
    </message>
    <message>
        <source>AMOUNT</source>
        <translation>BETRAG</translation>
    </message>
    <message>
        <source>Write the gaps as CSV to FILE (- for standard output).</source>
        <translation>Die Lücken als CSV in FILE schreiben (- für die Standardausgabe).</translation>
    </message>
    <message>
        <source>Write the shift changes as CSV to FILE.</source>
        <translation>Die Schichtänderungen als CSV in FILE schreiben.</translation>
    </message>
    <message>
        <source>report coverage takes no arguments besides its options</source>
        <translation>report coverage nimmt außer seinen Optionen keine Argumente</translation>
    </message>
    <message>
        <source>report coverage covers rotations: use --rotation or --team, not --person</source>
        <translation>report coverage betrachtet Rotationen: verwenden Sie --rotation oder --team, nicht --person</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message>
        <source>Coverage from %1 to %2

</source>
        <translation>Abdeckung von %1 bis %2

</translation>
    </message>
    <message>
        <source>%1: %2 of %3 on-call hours covered, %4
</source>
        <translation>%1: %2 von %3 Bereitschaftsstunden abgedeckt, %4
</translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation>MINUTEN</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>GRUND</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>DETAIL</translation>
    </message>
    <message numerus="yes">
        <source>
%n change(s) to these shifts in the change log
</source>
        <translation>
            <numerusform>
%n Änderung an diesen Schichten im Änderungsprotokoll
</numerusform>
            <numerusform>
%n Änderungen an diesen Schichten im Änderungsprotokoll
</numerusform>
        </translation>
    </message>
    <message>
        <source>Fairness of the shifts in the database: per person shifts, weighted load against fair share, weekends, holidays, nights and partners; per pool the spread; the dev x ops pair matrix. As text, JSON, CSV or PDF.</source>
        <translation>Fairness der Schichten in der Datenbank: pro Person Schichten, gewichtete Last gegenüber dem fairen Anteil, Wochenenden, Feiertage, Nächte und Partner; pro Pool die Spanne; die Paarmatrix Entwickler × Ops. Als Text, JSON, CSV oder PDF.</translation>
    </message>
    <message>
        <source>Write per person figures as CSV to FILE (- for standard output).</source>
        <translation>Die Zahlen pro Person als CSV in FILE schreiben (- für die Standardausgabe).</translation>
    </message>
    <message>
        <source>Write the dev x ops pair matrix as CSV to FILE.</source>
        <translation>Die Paarmatrix Entwickler × Ops als CSV in FILE schreiben.</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <source>Move the change log&apos;s entries older than N days into a new archive file (JSON Lines, one entry a line, the fields of the change log), so the database does not grow with years of edits. The last N days stay; entries a sync has not sent yet stay whatever their age. N defaults to the setting history/keep_days; at least 30.</source>
        <translation>Die Einträge des Änderungsprotokolls, die älter als N Tage sind, in eine neue Archivdatei verschieben (JSON Lines, ein Eintrag pro Zeile, die Felder des Änderungsprotokolls), damit die Datenbank nicht mit Jahren von Änderungen wächst. Die letzten N Tage bleiben; Einträge, die eine Synchronisation noch nicht gesendet hat, bleiben unabhängig von ihrem Alter. N ist standardmäßig die Einstellung history/keep_days; mindestens 30.</translation>
    </message>
    <message>
        <source>Days of changes the database keeps.</source>
        <translation>Tage an Änderungen, die die Datenbank behält.</translation>
    </message>
    <message>
        <source>The archive (a new file; default: beside the database, named after the day).</source>
        <translation>Das Archiv (eine neue Datei; Standard: neben der Datenbank, nach dem Tag benannt).</translation>
    </message>
    <message>
        <source>log archive takes no arguments</source>
        <translation>log archive nimmt keine Argumente</translation>
    </message>
    <message>
        <source>log archive needs --keep-days N (or the setting history/keep_days)</source>
        <translation>log archive braucht --keep-days N (oder die Einstellung history/keep_days)</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number of days of at least %3</source>
        <translation>%1: „%2“ ist keine Anzahl von Tagen von mindestens %3</translation>
    </message>
    <message>
        <source>No change older than %1 days (before %2) to archive.
</source>
        <translation>Keine Änderung älter als %1 Tage (vor %2) zu archivieren.
</translation>
    </message>
    <message>
        <source>Archived %1 change(s) logged before %2 to %3; the database keeps the last %4 days.
</source>
        <translation>%1 Änderung(en) vor %2 nach %3 archiviert; die Datenbank behält die letzten %4 Tage.
</translation>
    </message>
    <message>
        <source>Write shifts as an iCalendar (.ics) file for calendar apps: one event per shift with both names, contacts, bridge link and handoff note, in the rotation&apos;s time zone. --team and --person add the time off of the people. Default period: today and the next 365 days.</source>
        <translation>Schichten als iCalendar-Datei (.ics) für Kalenderprogramme schreiben: ein Ereignis pro Schicht mit beiden Namen, Kontakten, Bridge-Link und Übergabenotiz, in der Zeitzone der Rotation. --team und --person fügen die Abwesenheiten der Personen hinzu. Standardzeitraum: heute und die nächsten 365 Tage.</translation>
    </message>
    <message>
        <source>The shifts of rotation NAME.</source>
        <translation>Die Schichten der Rotation NAME.</translation>
    </message>
    <message>
        <source>The shifts of every rotation of team NAME.</source>
        <translation>Die Schichten jeder Rotation des Teams NAME.</translation>
    </message>
    <message>
        <source>The shifts of the person with this e-mail.</source>
        <translation>Die Schichten der Person mit dieser E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Last day, included (default 365 days after today).</source>
        <translation>Letzter Tag, eingeschlossen (Standard 365 Tage nach heute).</translation>
    </message>
    <message>
        <source>Add both seats as ATTENDEE lines (SCHEDULE-AGENT=CLIENT: servers send no e-mail).</source>
        <translation>Beide Plätze als ATTENDEE-Zeilen hinzufügen (SCHEDULE-AGENT=CLIENT: Server senden keine E-Mail).</translation>
    </message>
    <message>
        <source>Write to FILE instead of standard output.</source>
        <translation>In FILE statt auf die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <source>export ics takes no arguments besides its options (write to a file with -o FILE)</source>
        <translation>export ics nimmt außer seinen Optionen keine Argumente (in eine Datei schreiben mit -o FILE)</translation>
    </message>
    <message>
        <source>export ics needs exactly one of --rotation, --team or --person</source>
        <translation>export ics braucht genau eine von --rotation, --team oder --person</translation>
    </message>
    <message>
        <source>--rotation: no rotation “%1”</source>
        <translation>--rotation: keine Rotation „%1“</translation>
    </message>
    <message>
        <source>--team: no team “%1”</source>
        <translation>--team: kein Team „%1“</translation>
    </message>
    <message>
        <source>Import an iCalendar (.ics) file: with --timeoff every event becomes time off of the person (whole days in the event&apos;s own zone, the title as the reason); with --holidays every day an event covers becomes a public holiday of the team. Repeating events are expanded over the period (default: a year back and two years ahead). Nothing is imported unless the whole file is valid; what is already there is skipped.</source>
        <translation>Eine iCalendar-Datei (.ics) importieren: Mit --timeoff wird jedes Ereignis zu einer Abwesenheit der Person (ganze Tage in der eigenen Zeitzone des Ereignisses, der Titel als Grund); mit --holidays wird jeder Tag, den ein Ereignis abdeckt, zu einem gesetzlichen Feiertag des Teams. Wiederkehrende Ereignisse werden über den Zeitraum aufgelöst (Standard: ein Jahr zurück und zwei Jahre voraus). Nichts wird importiert, solange nicht die ganze Datei gültig ist; was bereits vorhanden ist, wird übersprungen.</translation>
    </message>
    <message>
        <source>The .ics file.</source>
        <translation>Die .ics-Datei.</translation>
    </message>
    <message>
        <source>Import time off of --person.</source>
        <translation>Abwesenheiten von --person importieren.</translation>
    </message>
    <message>
        <source>Import public holidays of --team.</source>
        <translation>Gesetzliche Feiertage von --team importieren.</translation>
    </message>
    <message>
        <source>The person (e-mail) the time off is for.</source>
        <translation>Die Person (E-Mail-Adresse), für die die Abwesenheiten gelten.</translation>
    </message>
    <message>
        <source>The team the holidays are for.</source>
        <translation>Das Team, für das die Feiertage gelten.</translation>
    </message>
    <message>
        <source>First day to read (YYYY-MM-DD).</source>
        <translation>Erster zu lesender Tag (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>Last day to read, included (YYYY-MM-DD).</source>
        <translation>Letzter zu lesender Tag, eingeschlossen (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>import ics needs exactly one FILE</source>
        <translation>import ics braucht genau eine FILE</translation>
    </message>
    <message>
        <source>import ics needs either --timeoff or --holidays</source>
        <translation>import ics braucht entweder --timeoff oder --holidays</translation>
    </message>
    <message>
        <source>import ics --timeoff needs --person EMAIL (and no --team)</source>
        <translation>import ics --timeoff braucht --person EMAIL (und kein --team)</translation>
    </message>
    <message>
        <source>import ics --holidays needs --team NAME (and no --person)</source>
        <translation>import ics --holidays braucht --team NAME (und kein --person)</translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported</source>
        <translation>%1: %2; nichts wurde importiert</translation>
    </message>
    <message>
        <source>Imported %1 time off from %2 events (%3 already there).
</source>
        <translation>%1 Abwesenheiten aus %2 Ereignissen importiert (%3 bereits vorhanden).
</translation>
    </message>
    <message>
        <source>Imported %1 holidays from %2 events (%3 already there).
</source>
        <translation>%1 Feiertage aus %2 Ereignissen importiert (%3 bereits vorhanden).
</translation>
    </message>
    <message>
        <source>no password for %1: %2 For headless use set TANDEM_CALDAV_PASSWORD.</source>
        <translation>kein Passwort für %1: %2 Für den Betrieb ohne Oberfläche setzen Sie TANDEM_CALDAV_PASSWORD.</translation>
    </message>
    <message>
        <source>%1 (--use-url-credentials takes them; or --user USER and TANDEM_CALDAV_PASSWORD or the keychain)</source>
        <translation>%1 (--use-url-credentials übernimmt sie; oder --user USER und TANDEM_CALDAV_PASSWORD oder der Schlüsselbund)</translation>
    </message>
    <message>
        <source>%1 (--link-team, or --rename-team NEW-NAME)</source>
        <translation>%1 (--link-team oder --rename-team NEW-NAME)</translation>
    </message>
    <message>
        <source>Two-way sync of shifts, time off and the roster with a CalDAV server (Nextcloud, Radicale, Fastmail...). With --url, first connect: --team shares that team in the calendar at URL (a server address is searched for the user&apos;s calendars); without --team, join the team another lead shares there. The password comes from TANDEM_CALDAV_PASSWORD, else from the system keychain. Without --url, sync every connected team (or --team).</source>
        <translation>Zwei-Wege-Synchronisation von Schichten, Abwesenheiten und Personalliste mit einem CalDAV-Server (Nextcloud, Radicale, Fastmail...). Mit --url zuerst verbinden: --team teilt dieses Team im Kalender unter URL (unter einer Serveradresse werden die Kalender des Benutzers gesucht); ohne --team dem Team beitreten, das eine andere Teamleitung dort teilt. Das Passwort kommt aus TANDEM_CALDAV_PASSWORD, sonst aus dem Schlüsselbund des Systems. Ohne --url jedes verbundene Team (oder --team) synchronisieren.</translation>
    </message>
    <message>
        <source>The team to share or sync.</source>
        <translation>Das zu teilende oder zu synchronisierende Team.</translation>
    </message>
    <message>
        <source>The calendar (collection) or server address.</source>
        <translation>Der Kalender (die Sammlung) oder die Serveradresse.</translation>
    </message>
    <message>
        <source>The user name on the server.</source>
        <translation>Der Benutzername auf dem Server.</translation>
    </message>
    <message>
        <source>Create the calendar at URL when nothing is there (MKCALENDAR); with a server address, one named after the team.</source>
        <translation>Den Kalender unter URL anlegen, wenn dort nichts ist (MKCALENDAR); bei einer Serveradresse einen nach dem Team benannten.</translation>
    </message>
    <message>
        <source>Allow plain HTTP to another machine: passwords and rotations travel unencrypted. Loopback needs no option.</source>
        <translation>Unverschlüsseltes HTTP zu einem anderen Rechner erlauben: Passwörter und Rotationen werden unverschlüsselt übertragen. Loopback braucht keine Option.</translation>
    </message>
    <message>
        <source>Take the user name and password written in URL (https://user:secret@host/...); they are never stored with the address (the password goes to the keychain).</source>
        <translation>Den in URL geschriebenen Benutzernamen und das Passwort übernehmen (https://user:secret@host/...); sie werden nie mit der Adresse gespeichert (das Passwort kommt in den Schlüsselbund).</translation>
    </message>
    <message>
        <source>Joining: this database&apos;s team of the shared team&apos;s name is the same team; merge it into the shared one.</source>
        <translation>Beitreten: Das Team dieser Datenbank mit dem Namen des geteilten Teams ist dasselbe Team; es mit dem geteilten zusammenführen.</translation>
    </message>
    <message>
        <source>Joining: keep this database&apos;s team of the shared team&apos;s name apart, renamed to NEW.</source>
        <translation>Beitreten: Das Team dieser Datenbank mit dem Namen des geteilten Teams getrennt halten, umbenannt in NEW.</translation>
    </message>
    <message>
        <source>unknown sync command “%1” (status, conflicts, resolve, disconnect)</source>
        <translation>unbekannter sync-Befehl „%1“ (status, conflicts, resolve, disconnect)</translation>
    </message>
    <message>
        <source>--team: there is no team “%1”</source>
        <translation>--team: es gibt kein Team „%1“</translation>
    </message>
    <message>
        <source>--%1 goes with --url</source>
        <translation>--%1 gehört zu --url</translation>
    </message>
    <message>
        <source>--link-team and --rename-team exclude each other</source>
        <translation>--link-team und --rename-team schließen einander aus</translation>
    </message>
    <message>
        <source>--allow-http: the password and the rotations travel to %1 unencrypted; anyone on the network between can read and change them.</source>
        <translation>--allow-http: Das Passwort und die Rotationen werden unverschlüsselt zu %1 übertragen; jeder im Netz dazwischen kann sie lesen und ändern.</translation>
    </message>
    <message>
        <source>--allow-http has no effect on an https:// address.</source>
        <translation>--allow-http hat bei einer https://-Adresse keine Wirkung.</translation>
    </message>
    <message>
        <source>the password could not be stored in the keychain (%1); set TANDEM_CALDAV_PASSWORD for the next syncs.</source>
        <translation>das Passwort konnte nicht im Schlüsselbund gespeichert werden (%1); setzen Sie TANDEM_CALDAV_PASSWORD für die nächsten Synchronisationen.</translation>
    </message>
    <message>
        <source>no team is shared yet: connect one with tandem sync --team NAME --url URL --user USER</source>
        <translation>noch ist kein Team geteilt: verbinden Sie eines mit tandem sync --team NAME --url URL --user USER</translation>
    </message>
    <message>
        <source>%1 syncs over plain HTTP to %2 (--allow-http): the password and the rotations travel unencrypted.</source>
        <translation>%1 synchronisiert über unverschlüsseltes HTTP mit %2 (--allow-http): Das Passwort und die Rotationen werden unverschlüsselt übertragen.</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Only this team.</source>
        <translation>Nur dieses Team.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <source>%1 %2 %3: %4
  mine:   %5
  theirs: %6
</source>
        <translation>%1 %2 %3: %4
  lokal:  %5
  Server: %6
</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>%1
  calendar:   %2 (user %3)%4
  last sync:  %5
  status:     %6
  waiting:    %7 local changes
  conflicts:  %8
</source>
        <translation>%1
  Kalender:    %2 (Benutzer %3)%4
  Zuletzt:     %5
  Status:      %6
  Wartend:     %7 lokale Änderungen
  Konflikte:   %8
</translation>
    </message>
    <message>
        <source>, read-only</source>
        <translation>, schreibgeschützt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>  flagged:    [%1] %2
</source>
        <translation>  markiert:    [%1] %2
</translation>
    </message>
    <message>
        <source>  time off offered: %1 (tandem sync timeoff)
</source>
        <translation>  angebotene Abwesenheiten: %1 (tandem sync timeoff)
</translation>
    </message>
    <message>
        <source>No conflicts.
</source>
        <translation>Keine Konflikte.
</translation>
    </message>
    <message>
        <source>No team is shared.
</source>
        <translation>Kein Team ist geteilt.
</translation>
    </message>
    <message>
        <source>Settle a conflict: keep this database&apos;s version (sent at the next sync) or take the server&apos;s.</source>
        <translation>Einen Konflikt auflösen: die Version dieser Datenbank behalten (bei der nächsten Synchronisation gesendet) oder die des Servers übernehmen.</translation>
    </message>
    <message>
        <source>The team of the conflict.</source>
        <translation>Das Team des Konflikts.</translation>
    </message>
    <message>
        <source>Keep the local version.</source>
        <translation>Die lokale Version behalten.</translation>
    </message>
    <message>
        <source>Take the server&apos;s version.</source>
        <translation>Die Version des Servers übernehmen.</translation>
    </message>
    <message>
        <source>The conflicting item (see tandem sync conflicts).</source>
        <translation>Das Element im Konflikt (siehe tandem sync conflicts).</translation>
    </message>
    <message>
        <source>usage: tandem %1</source>
        <translation>Aufruf: tandem %1</translation>
    </message>
    <message>
        <source>Kept the local version of %1; it goes out at the next sync.
</source>
        <translation>Die lokale Version von %1 behalten; sie geht bei der nächsten Synchronisation hinaus.
</translation>
    </message>
    <message>
        <source>Took the server&apos;s version of %1.
</source>
        <translation>Die Version des Servers von %1 übernommen.
</translation>
    </message>
    <message>
        <source>UID: there is no conflict on “%1” (see tandem sync conflicts)</source>
        <translation>UID: es gibt keinen Konflikt bei „%1“ (siehe tandem sync conflicts)</translation>
    </message>
    <message>
        <source>Stop sharing a team: the local data stays, the server is not touched, the keychain entry is removed.</source>
        <translation>Das Teilen eines Teams beenden: Die lokalen Daten bleiben, der Server wird nicht angefasst, der Eintrag im Schlüsselbund wird entfernt.</translation>
    </message>
    <message>
        <source>The team.</source>
        <translation>Das Team.</translation>
    </message>
    <message>
        <source>sync disconnect needs --team NAME</source>
        <translation>sync disconnect braucht --team NAME</translation>
    </message>
    <message>
        <source>%1 is no longer shared.
</source>
        <translation>%1 wird nicht mehr geteilt.
</translation>
    </message>
    <message>
        <source>Changes another client made through the server that break a rule: a shift deleted or cut short (a gap), an end moved past the next shift (an overlap), an emptied seat, someone seated against a hard rule. Tandem applies them (the server is the shared truth) and flags them until the problem is fixed or dismissed.</source>
        <translation>Änderungen, die ein anderer Client über den Server vorgenommen hat und die eine Regel verletzen: eine gelöschte oder gekürzte Schicht (eine Lücke), ein Ende über die nächste Schicht hinaus (eine Überschneidung), ein geleerter Platz, jemand entgegen einer harten Regel eingeteilt. Tandem übernimmt sie (der Server ist die gemeinsame Wahrheit) und markiert sie, bis das Problem behoben oder die Markierung verworfen ist.</translation>
    </message>
    <message>
        <source>The lead has seen flag ID: it goes.</source>
        <translation>Die Teamleitung hat die Markierung ID gesehen: sie wird entfernt.</translation>
    </message>
    <message>
        <source>Dismissed: %1
</source>
        <translation>Verworfen: %1
</translation>
    </message>
    <message>
        <source>--dismiss: there is no flag %1 (see tandem sync flags)</source>
        <translation>--dismiss: es gibt keine Markierung %1 (siehe tandem sync flags)</translation>
    </message>
    <message>
        <source>No flags.
</source>
        <translation>Keine Markierungen.
</translation>
    </message>
    <message>
        <source>All-day events other calendar clients put in the shared calendar that read as time off (vacation, out of office, time off, leave...) of someone on the roster, by their e-mail as organizer or attendee. Tandem never takes them silently: --import makes one this database&apos;s time off (it then travels as Tandem&apos;s own), --dismiss stops offering it.</source>
        <translation>Ganztägige Ereignisse, die andere Kalenderprogramme in den geteilten Kalender eingetragen haben und die sich als Abwesenheit lesen (Urlaub, nicht im Büro, frei, Abwesenheit...) einer Person aus der Personalliste, über ihre E-Mail-Adresse als Organisator oder Teilnehmer. Tandem übernimmt sie nie stillschweigend: --import macht eine davon zu einer Abwesenheit dieser Datenbank (sie wird dann wie Tandems eigene übertragen), --dismiss bietet sie nicht mehr an.</translation>
    </message>
    <message>
        <source>Import the offered time off UID.</source>
        <translation>Die angebotene Abwesenheit UID importieren.</translation>
    </message>
    <message>
        <source>Do not offer UID again.</source>
        <translation>UID nicht mehr anbieten.</translation>
    </message>
    <message>
        <source>--import and --dismiss exclude each other</source>
        <translation>--import und --dismiss schließen einander aus</translation>
    </message>
    <message>
        <source>Imported time off of %1, %2 to %3; it goes to the server at the next sync.
</source>
        <translation>Abwesenheit von %1 importiert, %2 bis %3; sie geht bei der nächsten Synchronisation an den Server.
</translation>
    </message>
    <message>
        <source>Not offered again: “%1” of %2.
</source>
        <translation>Nicht mehr angeboten: „%1“ von %2.
</translation>
    </message>
    <message>
        <source>%1  %2: %3 to %4 “%5” (%6)
</source>
        <translation>%1  %2: %3 bis %4 „%5“ (%6)
</translation>
    </message>
    <message>
        <source>%1: no time off is offered as “%2” (see tandem sync timeoff)</source>
        <translation>%1: keine Abwesenheit wird als „%2“ angeboten (siehe tandem sync timeoff)</translation>
    </message>
    <message>
        <source>No time off offered.
</source>
        <translation>Keine Abwesenheiten angeboten.
</translation>
    </message>
    <message>
        <source>Import one with tandem sync timeoff --import UID, or --dismiss UID.
</source>
        <translation>Importieren Sie eine mit tandem sync timeoff --import UID, oder --dismiss UID.
</translation>
    </message>
    <message>
        <source>Import past on-call from another tool&apos;s calendar export (PagerDuty, Opsgenie...) as past shifts.</source>
        <translation>Vergangene Bereitschaft aus dem Kalenderexport eines anderen Werkzeugs (PagerDuty, Opsgenie …) als vergangene Schichten importieren.</translation>
    </message>
    <message>
        <source>by --map</source>
        <translation>per --map</translation>
    </message>
    <message>
        <source>Import the past on-call of another tool&apos;s calendar export (PagerDuty, Opsgenie, Grafana OnCall, or any .ics whose events name the person on call in the title or as attendee) into one seat of a rotation, so that the fairness look-back starts from what happened. People are matched by e-mail, else by name (accents and case ignored); what matches nobody or several people is listed, and --map says who it is. Only events that ended are read. An event with no shift at its time becomes a shift with the other seat empty; one at exactly the times of a shift fills that seat when it is empty; anything else is reported and left alone. The preview is printed first; the import is one transaction.</source>
        <translation>Die vergangene Bereitschaft aus dem Kalenderexport eines anderen Werkzeugs (PagerDuty, Opsgenie, Grafana OnCall oder jede .ics-Datei, deren Ereignisse die Person in Bereitschaft im Titel oder als Teilnehmer nennen) in einen Platz einer Rotation importieren, damit der Fairness-Rückblick mit dem beginnt, was wirklich war. Personen werden per E-Mail zugeordnet, sonst per Name (Akzente und Groß-/Kleinschreibung egal); was niemanden oder mehrere Personen trifft, wird aufgelistet, und --map sagt, wer es ist. Nur beendete Ereignisse werden gelesen. Ein Ereignis ohne Schicht zu seiner Zeit wird eine Schicht mit leerem anderem Platz; eines genau zu den Zeiten einer Schicht besetzt deren Platz, wenn er leer ist; alles andere wird gemeldet und nicht angetastet. Zuerst wird die Vorschau ausgegeben; der Import ist eine Transaktion.</translation>
    </message>
    <message>
        <source>The rotation (name).</source>
        <translation>Die Rotation (Name).</translation>
    </message>
    <message>
        <source>The seat the export&apos;s people take: dev or ops.</source>
        <translation>Der Platz der Personen des Exports: dev oder ops.</translation>
    </message>
    <message>
        <source>The person (e-mail on the roster) a name or e-mail of the file means; repeat for several, e.g. --map &quot;Alex Kim=alex.kim@example.com&quot;.</source>
        <translation>Die Person (E-Mail in der Personalliste), die ein Name oder eine E-Mail der Datei meint; für mehrere wiederholen, z. B. --map &quot;Alex Kim=alex.kim@example.com&quot;.</translation>
    </message>
    <message>
        <source>Show what would be imported; write nothing.</source>
        <translation>Zeigen, was importiert würde; nichts schreiben.</translation>
    </message>
    <message>
        <source>import history needs a ROTATION and a FILE</source>
        <translation>import history braucht eine ROTATION und eine DATEI</translation>
    </message>
    <message>
        <source>import history needs --seat dev or --seat ops</source>
        <translation>import history braucht --seat dev oder --seat ops</translation>
    </message>
    <message>
        <source>--seat: “%1” is not a seat (dev or ops)</source>
        <translation>--seat: „%1“ ist kein Platz (dev oder ops)</translation>
    </message>
    <message>
        <source>no rotation “%1”</source>
        <translation>keine Rotation „%1“</translation>
    </message>
    <message>
        <source>--map: “%1” is not TEXT=EMAIL</source>
        <translation>--map: „%1“ ist nicht TEXT=EMAIL</translation>
    </message>
    <message>
        <source>--map: nobody on the roster has the e-mail “%1”</source>
        <translation>--map: niemand in der Personalliste hat die E-Mail „%1“</translation>
    </message>
    <message>
        <source>%1, %2 seat, from %3 (times in %4):
</source>
        <translation>%1, Platz %2, aus %3 (Zeiten in %4):
</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Zugeordnet</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Not on the roster (add them, or say who they are with --map TEXT=EMAIL):</source>
        <translation>Nicht in der Personalliste (hinzufügen oder mit --map TEXT=EMAIL sagen, wer es ist):</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n event(s))</source>
        <translation>
            <numerusform>%1 (%n Ereignis)</numerusform>
            <numerusform>%1 (%n Ereignisse)</numerusform>
        </translation>
    </message>
    <message>
        <source>Ambiguous (choose with --map TEXT=EMAIL):</source>
        <translation>Mehrdeutig (mit --map TEXT=EMAIL wählen):</translation>
    </message>
    <message>
        <source>%1 new shift(s), %2 seat(s) filled; %3 already there, %4 conflict(s), %5 not past, %6 not a shift, %7 without a person</source>
        <translation>%1 neue Schicht(en), %2 Platz/Plätze besetzt; %3 schon vorhanden, %4 Konflikt(e), %5 nicht vergangen, %6 keine Schicht, %7 ohne Person</translation>
    </message>
    <message>
        <source>Dry run, nothing was written: %1.</source>
        <translation>Probelauf, nichts wurde geschrieben: %1.</translation>
    </message>
    <message>
        <source>Nothing to import: %1.</source>
        <translation>Nichts zu importieren: %1.</translation>
    </message>
    <message>
        <source>%1; nothing was imported</source>
        <translation>%1; nichts wurde importiert</translation>
    </message>
    <message>
        <source>Imported: %1. The %2 seat of new shifts is empty: fill it, or import the other seat&apos;s export.</source>
        <translation>Importiert: %1. Der Platz %2 neuer Schichten ist leer: besetzen Sie ihn oder importieren Sie den Export des anderen Platzes.</translation>
    </message>
    <message>
        <source>Plan fair developer + operations pairs for the rotation from --from to --to (dates in the rotation&apos;s zone, both included) and write them. Past, locked and frozen published shifts stay; existing assignments are kept unless a rule says otherwise (--replan fewest, the default), or unless moving them evens out the load (--replan fair).</source>
        <translation>Faire Paare aus Entwickler und Ops-Engineer für die Rotation von --from bis --to planen (Daten in der Zeitzone der Rotation, beide eingeschlossen) und schreiben. Vergangene, fixierte und eingefrorene veröffentlichte Schichten bleiben; bestehende Einteilungen bleiben, außer eine Regel verlangt eine Änderung (--replan fewest, die Voreinstellung) oder eine Änderung gleicht die Last aus (--replan fair).</translation>
    </message>
    <message>
        <source>What a re-plan of existing shifts puts first: fewest (change as few shifts as possible, the default) or fair (rebalance for the fairest plan).</source>
        <translation>Was eine Neuplanung bestehender Schichten voranstellt: fewest (so wenige Schichten wie möglich ändern, die Voreinstellung) oder fair (für den fairsten Plan neu ausgleichen).</translation>
    </message>
    <message>
        <source>--replan: “%1” is neither fewest nor fair</source>
        <translation>--replan: „%1“ ist weder fewest noch fair</translation>
    </message>
    <message>
        <source>  %1: fewest changes kept; rebalancing (--replan fair) found a largest deviation of %2
</source>
        <translation>  %1: wenigste Änderungen beibehalten; ein Neuausgleich (--replan fair) fand eine größte Abweichung von %2
</translation>
    </message>
    <message>
        <source>The developer&apos;s e-mail on the roster.</source>
        <translation>Die E-Mail-Adresse des Entwicklers in der Personalliste.</translation>
    </message>
    <message>
        <source>Start onboarding a developer: they shadow pairs before joining the rotation.</source>
        <translation>Einarbeitung eines Entwicklers beginnen: Er begleitet Paare als Schatten, bevor er der Rotation beitritt.</translation>
    </message>
    <message>
        <source>Confirm a ready trainee: they join the rotation&apos;s developer seat.</source>
        <translation>Einen bereiten Einarbeitenden bestätigen: Er übernimmt den Entwicklerplatz der Rotation.</translation>
    </message>
    <message>
        <source>Take a developer off the onboarding list without confirming them.</source>
        <translation>Einen Entwickler ohne Bestätigung von der Einarbeitungsliste nehmen.</translation>
    </message>
    <message>
        <source>Put a developer of the rotation&apos;s team on its onboarding list. The planner then schedules them into the shadow seat of planned shifts (a third person who watches the pair, with no load and no production access), with as many different pairs as it can, until they have done the rotation&apos;s shadow shifts (rotation edit --shadow-shifts N); it never puts them in the developer seat before a lead confirms them.</source>
        <translation>Einen Entwickler aus dem Team der Rotation auf ihre Einarbeitungsliste setzen. Der Planer teilt ihn dann dem Schattenplatz geplanter Schichten zu (eine dritte Person, die dem Paar zusieht, ohne Last und ohne Produktionszugang), mit so vielen verschiedenen Paaren wie möglich, bis er die Schattenschichten der Rotation absolviert hat (rotation edit --shadow-shifts N); auf den Entwicklerplatz setzt er ihn erst, wenn eine Leitung ihn bestätigt hat.</translation>
    </message>
    <message>
        <source>Take a trainee who has done enough shadow shifts off the onboarding list: from the next plan on they take the rotation&apos;s developer seat like the team&apos;s other developers. Refused, with their progress, before they are ready (rotation trainees ROTATION).</source>
        <translation>Einen Einarbeitenden, der genug Schattenschichten absolviert hat, von der Einarbeitungsliste nehmen: Ab dem nächsten Plan übernimmt er den Entwicklerplatz der Rotation wie die anderen Entwickler des Teams. Abgelehnt, mit seinem Fortschritt, solange er noch nicht bereit ist (rotation trainees ROTATION).</translation>
    </message>
    <message>
        <source>Take a developer off the onboarding list without confirming them; their shadow shifts stay in the history.</source>
        <translation>Einen Entwickler ohne Bestätigung von der Einarbeitungsliste nehmen; seine Schattenschichten bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>rotation %1 needs a ROTATION and an EMAIL</source>
        <translation>rotation %1 braucht eine ROTATION und eine EMAIL</translation>
    </message>
    <message numerus="yes">
        <source>%1 is onboarding in %2: %n shadow shift(s) to do.
</source>
        <translation>
            <numerusform>%1 wird in %2 eingearbeitet: %n Schattenschicht zu absolvieren.
</numerusform>
            <numerusform>%1 wird in %2 eingearbeitet: %n Schattenschichten zu absolvieren.
</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is onboarding in %2; set the shadow shifts they need with rotation edit &quot;%2&quot; --shadow-shifts N.
</source>
        <translation>%1 wird in %2 eingearbeitet; legen Sie die nötigen Schattenschichten mit rotation edit &quot;%2&quot; --shadow-shifts N fest.
</translation>
    </message>
    <message>
        <source>%1 is confirmed in %2: the next plan may give them the developer seat.
</source>
        <translation>%1 ist in %2 bestätigt: Der nächste Plan kann ihm den Entwicklerplatz geben.
</translation>
    </message>
    <message>
        <source>%1 is no longer onboarding in %2.
</source>
        <translation>%1 wird in %2 nicht mehr eingearbeitet.
</translation>
    </message>
    <message>
        <source>List the developers onboarding in a rotation and their shadow shifts.</source>
        <translation>Die Entwickler in Einarbeitung einer Rotation und ihre Schattenschichten auflisten.</translation>
    </message>
    <message>
        <source>List the developers onboarding in a rotation: the shadow shifts they have done (ended), those still planned, how many the rotation asks, and whether they are ready for a lead to confirm (rotation confirm).</source>
        <translation>Die Entwickler in Einarbeitung einer Rotation auflisten: die absolvierten (beendeten) Schattenschichten, die noch geplanten, wie viele die Rotation verlangt und ob sie zur Bestätigung durch eine Leitung bereit sind (rotation confirm).</translation>
    </message>
    <message>
        <source>rotation trainees needs exactly one ROTATION</source>
        <translation>rotation trainees braucht genau eine ROTATION</translation>
    </message>
    <message>
        <source>Nobody is onboarding in %1.
</source>
        <translation>In %1 wird niemand eingearbeitet.
</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>E-MAIL</source>
        <translation>E-MAIL</translation>
    </message>
    <message>
        <source>DONE</source>
        <translation>ABSOLVIERT</translation>
    </message>
    <message>
        <source>PLANNED</source>
        <translation>GEPLANT</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <source>Print a JSON array.</source>
        <translation>Ein JSON-Array ausgeben.</translation>
    </message>
    <message>
        <source>Put a developer in a shift&apos;s shadow seat, or take them out.</source>
        <translation>Einen Entwickler auf den Schattenplatz einer Schicht setzen oder ihn herausnehmen.</translation>
    </message>
    <message>
        <source>Put a developer in the shadow seat of the shift ID (as shifts list --json shows it): a third person who watches the pair, with no load and no production access. Refused when they are on leave, on call or shadowing at the same time, would rest too little, or hold a seat of the shift. --none empties the shadow seat.</source>
        <translation>Einen Entwickler auf den Schattenplatz der Schicht ID setzen (wie shifts list --json sie zeigt): eine dritte Person, die dem Paar zusieht, ohne Last und ohne Produktionszugang. Abgelehnt, wenn er abwesend ist, zur selben Zeit Bereitschaft hat oder eine andere Schicht begleitet, zu wenig Ruhe hätte oder einen Platz der Schicht innehat. --none leert den Schattenplatz.</translation>
    </message>
    <message>
        <source>The shift.</source>
        <translation>Die Schicht.</translation>
    </message>
    <message>
        <source>The shadow&apos;s e-mail on the roster.</source>
        <translation>Die E-Mail-Adresse des Schattens in der Personalliste.</translation>
    </message>
    <message>
        <source>shift shadow needs an ID and an EMAIL, or an ID and --none</source>
        <translation>shift shadow braucht eine ID und eine EMAIL oder eine ID und --none</translation>
    </message>
    <message>
        <source>“%1” is not a shift id</source>
        <translation>„%1“ ist keine Schicht-ID</translation>
    </message>
    <message>
        <source>Nobody shadows the shift.
</source>
        <translation>Niemand begleitet die Schicht als Schatten.
</translation>
    </message>
    <message>
        <source>%1 shadows the shift.
</source>
        <translation>%1 begleitet die Schicht als Schatten.
</translation>
    </message>
    <message>
        <source>Empty the shadow seat.</source>
        <translation>Den Schattenplatz leeren.</translation>
    </message>
    <message>
        <source>Shadow shifts a new developer does before joining (0: no onboarding; see rotation onboard).</source>
        <translation>Schattenschichten, die ein neuer Entwickler vor dem Beitritt absolviert (0: keine Einarbeitung; siehe rotation onboard).</translation>
    </message>
    <message>
        <source>onboarding</source>
        <translation>Einarbeitung</translation>
    </message>
    <message numerus="yes">
        <source>%n shadow shift(s) before joining; shadowing now: %1</source>
        <translation>
            <numerusform>%n Schattenschicht vor dem Beitritt; jetzt in Einarbeitung: %1</numerusform>
            <numerusform>%n Schattenschichten vor dem Beitritt; jetzt in Einarbeitung: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>SHADOW</source>
        <translation>SCHATTEN</translation>
    </message>
    <message>
        <source>For auditors: over the period (default the last 4 weeks), every minute each rotation runs must be held by a developer paired with someone who has production access. Lists the gaps, and who changed which shift and when, from the change log. Exits 0 also when there are gaps. With --service: every minute of the service&apos;s days (in its zone) must be held by a pair of one of its legs; lists the holes (not covered, or no pair), the overlaps between legs, and the share covered.</source>
        <translation>Für Prüfer: Über den Zeitraum (Standard die letzten 4 Wochen) muss jede Minute, in der eine Rotation läuft, von einem Entwickler besetzt sein, der mit jemandem mit Produktionszugang ein Paar bildet. Listet die Lücken und, aus dem Änderungsprotokoll, wer welche Schicht wann geändert hat. Beendet sich auch bei Lücken mit 0. Mit --service: Jede Minute der Tage des Dienstes (in seiner Zeitzone) muss von einem Paar einer seiner Etappen besetzt sein; listet die Lücken (nicht abgedeckt oder kein Paar), die Überschneidungen zwischen Etappen und den abgedeckten Anteil.</translation>
    </message>
    <message>
        <source>--service takes --from, --to, --csv and --json; not --rotation, --team, --pdf or --changes-csv</source>
        <translation>--service nimmt --from, --to, --csv und --json; nicht --rotation, --team, --pdf oder --changes-csv</translation>
    </message>
    <message>
        <source>A follow-the-sun service: holes and overlaps of its legs.</source>
        <translation>Ein Follow-the-Sun-Dienst: Lücken und Überschneidungen seiner Etappen.</translation>
    </message>
    <message>
        <source>--service: no service named “%1”</source>
        <translation>--service: kein Dienst namens „%1“</translation>
    </message>
    <message>
        <source>no window given (use --no-windows to run all the time)</source>
        <translation>kein Zeitfenster angegeben (--no-windows für durchgehende Bereitschaft)</translation>
    </message>
    <message>
        <source>Hours the rotation runs, in its zone: &quot;Mon-Fri 09:00-17:00&quot;, &quot;Mon-Sun 18:00-09:00&quot; (a night belongs to the day it starts), or business-hours, nights, weekends; repeat it or separate with &apos;;&apos;. Replaces the windows; shifts are cut at their edges (default: all the time).</source>
        <translation>Zeiten, in denen die Rotation läuft, in ihrer Zeitzone: &quot;Mon-Fri 09:00-17:00&quot;, &quot;Mon-Sun 18:00-09:00&quot; (eine Nacht gehört zum Tag, an dem sie beginnt), oder business-hours, nights, weekends; mehrfach angeben oder mit &apos;;&apos; trennen. Ersetzt die Zeitfenster; Schichten werden an ihren Grenzen geteilt (Standard: durchgehend).</translation>
    </message>
    <message>
        <source>Run all the time again: clear the hour windows.</source>
        <translation>Wieder durchgehend laufen: die Zeitfenster löschen.</translation>
    </message>
    <message>
        <source>give either --window or --no-windows, not both</source>
        <translation>geben Sie entweder --window oder --no-windows an, nicht beides</translation>
    </message>
    <message>
        <source>Create a rotation of a team: the developer seat draws from the team&apos;s active developers, the ops seat from the ops pool. Lengths take h (hours), d (days) or w (weeks); days take all, mon-fri or mon,wed,fri; --window limits the hours (business hours, nights) and cuts the shifts there.</source>
        <translation>Eine Rotation eines Teams anlegen: Der Entwicklerplatz wird aus den aktiven Entwicklern des Teams besetzt, der Ops-Platz aus dem Ops-Pool. Längen nehmen h (Stunden), d (Tage) oder w (Wochen); Tage nehmen all, mon-fri oder mon,wed,fri; --window beschränkt die Zeiten (Geschäftszeiten, Nächte) und teilt die Schichten dort.</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>all the time</source>
        <translation>durchgehend</translation>
    </message>
    <message>
        <source>A rotation covering the service (repeat, in order; edit: replaces all legs).</source>
        <translation>Eine Rotation, die den Dienst abdeckt (wiederholbar, in Reihenfolge; edit: ersetzt alle Etappen).</translation>
    </message>
    <message>
        <source>IANA zone the service&apos;s days are shown in (default: the team&apos;s).</source>
        <translation>IANA-Zeitzone, in der die Tage des Dienstes gezeigt werden (Vorgabe: die des Teams).</translation>
    </message>
    <message>
        <source>The team of the service (default: the first leg&apos;s).</source>
        <translation>Das Team des Dienstes (Vorgabe: das der ersten Etappe).</translation>
    </message>
    <message>
        <source>--leg: no rotation named “%1”</source>
        <translation>--leg: keine Rotation namens „%1“</translation>
    </message>
    <message>
        <source>no service named “%1”</source>
        <translation>kein Dienst namens „%1“</translation>
    </message>
    <message>
        <source>Add a follow-the-sun service covered 24/7 by the legs&apos; rotations.</source>
        <translation>Einen Follow-the-Sun-Dienst hinzufügen, rund um die Uhr abgedeckt von den Rotationen seiner Etappen.</translation>
    </message>
    <message>
        <source>Add a service: what must be covered around the clock, and the rotations (legs) that cover it, e.g. a Berlin rotation 07:00-19:00 and a New York rotation 13:00-01:00. `tandem report coverage --service NAME` finds the holes between the legs.</source>
        <translation>Einen Dienst hinzufügen: was rund um die Uhr abgedeckt sein muss, und die Rotationen (Etappen), die ihn abdecken, z. B. eine Berliner Rotation 07:00-19:00 und eine New Yorker Rotation 13:00-01:00. `tandem report coverage --service NAME` findet die Lücken zwischen den Etappen.</translation>
    </message>
    <message>
        <source>The service&apos;s name.</source>
        <translation>Der Name des Dienstes.</translation>
    </message>
    <message>
        <source>service add needs exactly one NAME</source>
        <translation>service add braucht genau einen NAME</translation>
    </message>
    <message numerus="yes">
        <source>Added service %1 (%2), %n leg(s)
</source>
        <translation>
            <numerusform>Dienst %1 (%2) hinzugefügt, %n Etappe
</numerusform>
            <numerusform>Dienst %1 (%2) hinzugefügt, %n Etappen
</numerusform>
        </translation>
    </message>
    <message>
        <source>List the services.</source>
        <translation>Die Dienste auflisten.</translation>
    </message>
    <message>
        <source>List the follow-the-sun services and their legs.</source>
        <translation>Die Follow-the-Sun-Dienste und ihre Etappen auflisten.</translation>
    </message>
    <message>
        <source>service list takes no arguments</source>
        <translation>service list nimmt keine Argumente</translation>
    </message>
    <message>
        <source>LEGS</source>
        <translation>ETAPPEN</translation>
    </message>
    <message>
        <source>Show a service, its legs and who holds it now.</source>
        <translation>Einen Dienst zeigen, seine Etappen und wer ihn jetzt hält.</translation>
    </message>
    <message>
        <source>Show a service: its zone, its legs with their zones, and which leg and pair hold it now.</source>
        <translation>Einen Dienst zeigen: seine Zeitzone, seine Etappen mit ihren Zeitzonen und welche Etappe und welches Paar ihn jetzt halten.</translation>
    </message>
    <message>
        <source>The service.</source>
        <translation>Der Dienst.</translation>
    </message>
    <message>
        <source>service show needs exactly one NAME</source>
        <translation>service show braucht genau einen NAME</translation>
    </message>
    <message>
        <source>not covered now</source>
        <translation>jetzt nicht abgedeckt</translation>
    </message>
    <message>
        <source>%1: %2 + %3</source>
        <translation>%1: %2 + %3</translation>
    </message>
    <message>
        <source>Service: %1
Team: %2
Zone: %3
Required: around the clock (24/7)
</source>
        <translation>Dienst: %1
Team: %2
Zeitzone: %3
Gefordert: rund um die Uhr (24/7)
</translation>
    </message>
    <message>
        <source>Leg: %1 (%2)%3
</source>
        <translation>Etappe: %1 (%2)%3
</translation>
    </message>
    <message>
        <source>, removed</source>
        <translation>, entfernt</translation>
    </message>
    <message>
        <source>Legs: none
</source>
        <translation>Etappen: keine
</translation>
    </message>
    <message>
        <source>Now: %1
</source>
        <translation>Jetzt: %1
</translation>
    </message>
    <message>
        <source>Rename a service, or set its legs or zone.</source>
        <translation>Einen Dienst umbenennen oder seine Etappen oder Zeitzone setzen.</translation>
    </message>
    <message>
        <source>Change a service: --name renames it; --leg (repeated) replaces its legs, in order; --zone and --team move it.</source>
        <translation>Einen Dienst ändern: --name benennt ihn um; --leg (wiederholt) ersetzt seine Etappen, in dieser Reihenfolge; --zone und --team verschieben ihn.</translation>
    </message>
    <message>
        <source>service edit needs exactly one NAME</source>
        <translation>service edit braucht genau einen NAME</translation>
    </message>
    <message>
        <source>service edit needs --name, --leg, --zone or --team</source>
        <translation>service edit braucht --name, --leg, --zone oder --team</translation>
    </message>
    <message>
        <source>--zone: the zone is empty</source>
        <translation>--zone: die Zeitzone ist leer</translation>
    </message>
    <message>
        <source>Changed service %1
</source>
        <translation>Dienst %1 geändert
</translation>
    </message>
    <message>
        <source>The new name.</source>
        <translation>Der neue Name.</translation>
    </message>
    <message>
        <source>Remove a service; its rotations and their shifts stay.</source>
        <translation>Einen Dienst entfernen; seine Rotationen und ihre Schichten bleiben.</translation>
    </message>
    <message>
        <source>Remove a service. Its legs are rotations of their own: they and their shifts stay.</source>
        <translation>Einen Dienst entfernen. Seine Etappen sind eigenständige Rotationen: sie und ihre Schichten bleiben.</translation>
    </message>
    <message>
        <source>service remove needs exactly one NAME</source>
        <translation>service remove braucht genau einen NAME</translation>
    </message>
    <message>
        <source>Removed service %1
</source>
        <translation>Dienst %1 entfernt
</translation>
    </message>
    <message>
        <source>%1 (%2, removed)</source>
        <translation>%1 (%2, entfernt)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Coverage of %1 (%2) from %3 to %4
</source>
        <translation>Abdeckung von %1 (%2) von %3 bis %4
</translation>
    </message>
    <message>
        <source>Legs: %1
</source>
        <translation>Etappen: %1
</translation>
    </message>
    <message>
        <source>Covered by a pair: %1% (%2 of %3 minutes); holes: %4 minutes (not covered %5, no pair %6); overlaps: %7 minutes
</source>
        <translation>Von einem Paar abgedeckt: %1 % (%2 von %3 Minuten); Lücken: %4 Minuten (nicht abgedeckt %5, kein Paar %6); Überschneidungen: %7 Minuten
</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>Überschneidung</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
</context>
<context>
    <name>Tandem::ConflictsDialog</name>
    <message>
        <source>Sync Conflicts</source>
        <translation>Synchronisationskonflikte</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>Meine (dieser Computer)</translation>
    </message>
    <message>
        <source>Theirs (the server)</source>
        <translation>Deren (der Server)</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>The fields in conflict keep this computer&apos;s current value, every other field the newest of both sides; it goes to the server at the next sync.</source>
        <translation>Die Felder im Konflikt behalten den aktuellen Wert dieses Computers, alle anderen Felder den neuesten beider Seiten; das Ergebnis wird bei der nächsten Synchronisation auf den Server übertragen.</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>&amp;Deren übernehmen</translation>
    </message>
    <message>
        <source>The fields in conflict take the server&apos;s value, every other field keeps the newest of both sides (your later edits stay).</source>
        <translation>Die Felder im Konflikt übernehmen den Wert des Servers, alle anderen Felder behalten den neuesten beider Seiten (Ihre späteren Änderungen bleiben).</translation>
    </message>
    <message>
        <source>Both sides changed these differently. Nothing is lost until you choose: the other side&apos;s version is kept here.</source>
        <translation>Beide Seiten haben diese unterschiedlich geändert. Nichts geht verloren, bis Sie wählen: Die Version der anderen Seite wird hier aufbewahrt.</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <source>someone not on the roster</source>
        <translation>jemand, der nicht in der Personalliste steht</translation>
    </message>
    <message>
        <source>a rotation</source>
        <translation>eine Rotation</translation>
    </message>
    <message>
        <source>Shift of %1, %2</source>
        <translation>Schicht von %1, %2</translation>
    </message>
    <message>
        <source>Time off of %1, %2 to %3</source>
        <translation>Abwesenheit von %1, %2 bis %3</translation>
    </message>
    <message>
        <source>Roster and rotation settings of %1</source>
        <translation>Personalliste und Rotationseinstellungen von %1</translation>
    </message>
    <message>
        <source>A swap or cover request</source>
        <translation>Eine Tausch- oder Vertretungsanfrage</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(geändert)</translation>
    </message>
    <message>
        <source>Nothing to resolve.</source>
        <translation>Nichts aufzulösen.</translation>
    </message>
    <message>
        <source>%1
The server&apos;s version cannot be written here: %2</source>
        <translation>%1
Die Version des Servers kann hier nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the whole item</source>
        <translation>der ganze Eintrag</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Could not resolve: %1</source>
        <translation>Konnte nicht aufgelöst werden: %1</translation>
    </message>
    <message>
        <source>Kept your version of “%1”: it goes to the server now.</source>
        <translation>Ihre Version von „%1“ wurde behalten: Sie wird jetzt auf den Server übertragen.</translation>
    </message>
    <message>
        <source>Took the server&apos;s version of “%1”.</source>
        <translation>Die Version des Servers von „%1“ wurde übernommen.</translation>
    </message>
</context>
<context>
    <name>Tandem::ConflictsModel</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2: no shift planned (%n hour(s) with nobody on call)</source>
        <translation>
            <numerusform>%1, %2: keine Schicht geplant (%n Stunde ohne Bereitschaft)</numerusform>
            <numerusform>%1, %2: keine Schicht geplant (%n Stunden ohne Bereitschaft)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::CsvIssue</name>
    <message>
        <source>line %1, column %2%3: %4</source>
        <translation>Zeile %1, Spalte %2%3: %4</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>Tandem::Database</name>
    <message>
        <source>it is a folder, not a file.</source>
        <translation>sie ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>it is an SQLite database of another application, not a Tandem database.</source>
        <translation>sie ist eine SQLite-Datenbank einer anderen Anwendung, keine Tandem-Datenbank.</translation>
    </message>
    <message>
        <source>Cannot create the folder “%1” for the database.</source>
        <translation>Der Ordner „%1“ für die Datenbank kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open “%1”: %2</source>
        <translation>„%1“ kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot update the database “%1” to schema version %2: %3</source>
        <translation>Die Datenbank „%1“ kann nicht auf Schema-Version %2 aktualisiert werden: %3</translation>
    </message>
    <message>
        <source>cannot read the schema version</source>
        <translation>die Schema-Version kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>No database file was given (the path is empty).</source>
        <translation>Es wurde keine Datenbankdatei angegeben (der Pfad ist leer).</translation>
    </message>
    <message>
        <source>it is not a regular file.</source>
        <translation>sie ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>its schema cannot be read</source>
        <translation>ihr Schema kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>it is damaged (%1).</source>
        <translation>sie ist beschädigt (%1).</translation>
    </message>
    <message>
        <source>the check could not run</source>
        <translation>die Prüfung konnte nicht laufen</translation>
    </message>
    <message>
        <source>Cannot check “%1”: there is no such file.</source>
        <translation>„%1“ kann nicht geprüft werden: Diese Datei gibt es nicht.</translation>
    </message>
    <message>
        <source>cannot switch the database to write-ahead logging: another program holds it</source>
        <translation>die Datenbank kann nicht auf Write-Ahead-Logging umgestellt werden: Ein anderes Programm hält sie</translation>
    </message>
    <message>
        <source>the file is read-only and needs an update to schema version %1</source>
        <translation>die Datei ist schreibgeschützt und braucht eine Aktualisierung auf Schema-Version %1</translation>
    </message>
</context>
<context>
    <name>Tandem::Dav</name>
    <message>
        <source>the answer is not a DAV multistatus</source>
        <translation>die Antwort ist kein DAV-Multistatus</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>Tandem::DesktopNotifier</name>
    <message>
        <source>Open shift</source>
        <translation>Schicht öffnen</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>10 Min. schlummern</translation>
    </message>
</context>
<context>
    <name>Tandem::DropSession</name>
    <message>
        <source>The shift is no longer in the database.</source>
        <translation>Die Schicht ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>not on the roster</source>
        <translation>nicht in der Personalliste</translation>
    </message>
    <message>
        <source>This person is not on the roster.</source>
        <translation>Diese Person steht nicht in der Personalliste.</translation>
    </message>
    <message>
        <source>%1 above fair share</source>
        <translation>%1 über dem fairen Anteil</translation>
    </message>
    <message>
        <source>%1 carries %2 weighted days more than their fair share.</source>
        <translation>%1 trägt %2 gewichtete Tage mehr als den fairen Anteil.</translation>
    </message>
    <message>
        <source>The shift is outside the shown period.</source>
        <translation>Die Schicht liegt außerhalb des angezeigten Zeitraums.</translation>
    </message>
    <message>
        <source>load %1, fair share %2</source>
        <translation>Last %1, fairer Anteil %2</translation>
    </message>
    <message>
        <source>%1 would be %2 days above fair share</source>
        <translation>%1 läge %2 Tage über dem fairen Anteil</translation>
    </message>
    <message>
        <source>developer seat empty</source>
        <translation>Entwicklerplatz leer</translation>
    </message>
    <message>
        <source>ops seat empty</source>
        <translation>Ops-Platz leer</translation>
    </message>
    <message>
        <source>%1 +%2 h, +%3 days</source>
        <translation>%1 +%2 h, +%3 Tage</translation>
    </message>
    <message>
        <source>%1 +%2 days</source>
        <translation>%1 +%2 Tage</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 −%2 h, −%3 days</source>
        <translation>%1 −%2 h, −%3 Tage</translation>
    </message>
    <message>
        <source>%1 −%2 days</source>
        <translation>%1 −%2 Tage</translation>
    </message>
    <message>
        <source>%1 +%2 h</source>
        <translation>%1 +%2 h</translation>
    </message>
    <message>
        <source>%1 −%2 h</source>
        <translation>%1 −%2 h</translation>
    </message>
    <message>
        <source>no change in load</source>
        <translation>keine Änderung der Last</translation>
    </message>
</context>
<context>
    <name>Tandem::FairnessModel</name>
    <message>
        <source>(unknown person)</source>
        <translation>(unbekannte Person)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Weighted load minus fair share (in proportion to capacity and available time).</source>
        <translation>Gewichtete Last minus fairer Anteil (im Verhältnis zu Kapazität und verfügbarer Zeit).</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Weighted load</source>
        <translation>Gewichtete Last</translation>
    </message>
    <message>
        <source>Fair share</source>
        <translation>Fairer Anteil</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Wochenenden</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Feiertage</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Nächte</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
</context>
<context>
    <name>Tandem::HistoryImportService</name>
    <message>
        <source>The rotation is not in the database.</source>
        <translation>Die Rotation ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The file has %1 events in the ten years up to today; Tandem imports at most %2 at once. Export a shorter period.</source>
        <translation>Die Datei hat %1 Ereignisse in den zehn Jahren bis heute; Tandem importiert höchstens %2 auf einmal. Exportieren Sie einen kürzeren Zeitraum.</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>has not ended yet (%1); only past shifts are imported</source>
        <translation>ist noch nicht zu Ende (%1); nur vergangene Schichten werden importiert</translation>
    </message>
    <message>
        <source>lasts less than an hour</source>
        <translation>dauert weniger als eine Stunde</translation>
    </message>
    <message>
        <source>lasts longer than %1 days, the longest shift</source>
        <translation>dauert länger als %1 Tage, die längste Schicht</translation>
    </message>
    <message>
        <source>“%1” is the name of %2 people on the roster; choose one</source>
        <translation>„%1“ ist der Name von %2 Personen der Personalliste; wählen Sie eine</translation>
    </message>
    <message>
        <source>nobody on the roster has the e-mail or the name “%1”</source>
        <translation>niemand in der Personalliste hat die E-Mail oder den Namen „%1“</translation>
    </message>
    <message>
        <source>the %1 seat of this shift holds %2</source>
        <translation>der Platz %1 dieser Schicht ist mit %2 besetzt</translation>
    </message>
    <message>
        <source>someone no longer on the roster</source>
        <translation>jemandem, der nicht mehr in der Personalliste steht</translation>
    </message>
    <message>
        <source>overlaps the shift of %1 to %2 at other times</source>
        <translation>überschneidet die Schicht von %1 bis %2 zu anderen Zeiten</translation>
    </message>
    <message>
        <source>overlaps %1 shifts, from %2</source>
        <translation>überschneidet %1 Schichten, ab %2</translation>
    </message>
    <message>
        <source>%1 is not a developer</source>
        <translation>%1 ist kein Entwickler</translation>
    </message>
    <message>
        <source>%1 has no production access</source>
        <translation>%1 hat keinen Produktionszugang</translation>
    </message>
    <message>
        <source>The roster or the shifts changed since the preview (changed by %1); nothing was imported. Look at the preview again.</source>
        <translation>Die Personalliste oder die Schichten haben sich seit der Vorschau geändert (geändert von %1); nichts wurde importiert. Sehen Sie sich die Vorschau erneut an.</translation>
    </message>
    <message>
        <source>A shift of the preview changed meanwhile; nothing was imported.</source>
        <translation>Eine Schicht der Vorschau hat sich inzwischen geändert; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>the shift is locked; unlock it to fill its %1 seat</source>
        <translation>die Schicht ist fixiert; lösen Sie die Fixierung, um ihren Platz %1 zu besetzen</translation>
    </message>
</context>
<context>
    <name>Tandem::HistoryImportWizard</name>
    <message>
        <source>Not on the roster</source>
        <translation>Nicht in der Personalliste</translation>
    </message>
    <message>
        <source>Import On-Call History</source>
        <translation>Bereitschaftsverlauf importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Past On-Call from Another Tool</source>
        <translation>Vergangene Bereitschaft aus einem anderen Werkzeug</translation>
    </message>
    <message>
        <source>Choose the rotation, the seat the file&apos;s people took, and the calendar export (.ics) of PagerDuty, Opsgenie, Grafana OnCall or any calendar whose events name who was on call. Only shifts that have ended are imported; they count for fairness from then on.</source>
        <translation>Wählen Sie die Rotation, den Platz, den die Personen der Datei hatten, und den Kalenderexport (.ics) von PagerDuty, Opsgenie, Grafana OnCall oder jedem Kalender, dessen Ereignisse nennen, wer Bereitschaft hatte. Nur beendete Schichten werden importiert; sie zählen von da an für die Fairness.</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Betrieb</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Kalenderdatei</translation>
    </message>
    <message>
        <source>schedule.ics</source>
        <translation>dienstplan.ics</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>Browse for the calendar file</source>
        <translation>Kalenderdatei suchen</translation>
    </message>
    <message>
        <source>&amp;Rotation:</source>
        <translation>&amp;Rotation:</translation>
    </message>
    <message>
        <source>&amp;Seat:</source>
        <translation>&amp;Platz:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Calendar Export</source>
        <translation>Kalenderexport</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar-Dateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Events of the file</source>
        <translation>Ereignisse der Datei</translation>
    </message>
    <message>
        <source>Each event: when, who it names, how they were found on the roster, and what the import does with it</source>
        <translation>Jedes Ereignis: wann, wen es nennt, wie die Person in der Personalliste gefunden wurde und was der Import damit macht</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>&amp;Names to resolve: choose who each one is, or leave it to skip its events.</source>
        <translation>&amp;Namen zu klären: wählen Sie, wer es jeweils ist, oder lassen Sie es, um die Ereignisse zu überspringen.</translation>
    </message>
    <message>
        <source>Names to resolve</source>
        <translation>Namen zu klären</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>In der Datei</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Choose a rotation.</source>
        <translation>Wählen Sie eine Rotation.</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Die Datei kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>Entwickler</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in the file.</source>
        <translation>
            <numerusform>%n Ereignis in der Datei.</numerusform>
            <numerusform>%n Ereignisse in der Datei.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import adds %1 past shift(s) and fills %2 empty seat(s); %3 already there, %4 not imported (conflicts), %5 not past, %6 not a shift, %7 without a person.</source>
        <translation>Der Import fügt %1 vergangene Schicht(en) hinzu und besetzt %2 leere(n) Platz/Plätze; %3 schon vorhanden, %4 nicht importiert (Konflikte), %5 nicht vergangen, %6 keine Schicht, %7 ohne Person.</translation>
    </message>
    <message>
        <source>The %1 seat of new shifts stays empty (unknown) until you fill it or import that seat&apos;s export.</source>
        <translation>Der Platz %1 neuer Schichten bleibt leer (unbekannt), bis Sie ihn besetzen oder den Export dieses Platzes importieren.</translation>
    </message>
    <message numerus="yes">
        <source>Name of %n people</source>
        <translation>
            <numerusform>Name von %n Person</numerusform>
            <numerusform>Name von %n Personen</numerusform>
        </translation>
    </message>
    <message>
        <source>Person for “%1”</source>
        <translation>Person für „%1“</translation>
    </message>
    <message>
        <source>Skip its events</source>
        <translation>Ereignisse überspringen</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
</context>
<context>
    <name>Tandem::HistoryService</name>
    <message>
        <source>The change log keeps at least %1 days; %2 is too few.</source>
        <translation>Das Änderungsprotokoll behält mindestens %1 Tage; %2 sind zu wenige.</translation>
    </message>
    <message>
        <source>The archive needs a file name.</source>
        <translation>Das Archiv braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>%1 is the open database; the archive needs a file of its own.</source>
        <translation>%1 ist die geöffnete Datenbank; das Archiv braucht eine eigene Datei.</translation>
    </message>
    <message>
        <source>%1 already exists; Tandem never writes over an archive. Choose another name.</source>
        <translation>%1 existiert bereits; Tandem überschreibt nie ein Archiv. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 holds a copy of the old entries, but the database kept them: %2</source>
        <translation>%1 enthält eine Kopie der alten Einträge, aber die Datenbank hat sie behalten: %2</translation>
    </message>
</context>
<context>
    <name>Tandem::HomePage</name>
    <message>
        <source>ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>waiting for an answer</source>
        <translation>wartet auf eine Antwort</translation>
    </message>
    <message>
        <source>accepted, waiting for a lead</source>
        <translation>angenommen, wartet auf eine Teamleitung</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>zurückgezogen</translation>
    </message>
    <message>
        <source>done: the seats moved</source>
        <translation>erledigt: die Plätze wurden getauscht</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Tell Tandem who you are to see your next shift, your partner and reminders.</source>
        <translation>Sagen Sie Tandem, wer Sie sind, um Ihre nächste Schicht, Ihren Partner und Erinnerungen zu sehen.</translation>
    </message>
    <message>
        <source>Set My &amp;Identity…</source>
        <translation>Meine &amp;Identität festlegen…</translation>
    </message>
    <message>
        <source>Your next shift</source>
        <translation>Ihre nächste Schicht</translation>
    </message>
    <message>
        <source>Leave a &amp;Handoff Note…</source>
        <translation>Übergabe&amp;notiz hinterlassen…</translation>
    </message>
    <message>
        <source>Ask for &amp;Swap/Cover…</source>
        <translation>Um &amp;Tausch/Vertretung bitten…</translation>
    </message>
    <message>
        <source>On call now</source>
        <translation>Jetzt in Bereitschaft</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>Hands off</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Danach</translation>
    </message>
    <message>
        <source>No rotation yet: create one with Rotations ▸ New Rotation…</source>
        <translation>Noch keine Rotation: Legen Sie eine an mit Rotationen ▸ Neue Rotation…</translation>
    </message>
    <message>
        <source>Your upcoming shifts (3 months)</source>
        <translation>Ihre kommenden Schichten (3 Monate)</translation>
    </message>
    <message>
        <source>Your upcoming shifts</source>
        <translation>Ihre kommenden Schichten</translation>
    </message>
    <message>
        <source>Starts (your time)</source>
        <translation>Beginn (Ihre Zeit)</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>No shift planned for you in the next three months.</source>
        <translation>In den nächsten drei Monaten ist keine Schicht für Sie geplant.</translation>
    </message>
    <message>
        <source>Swap and cover requests</source>
        <translation>Tausch- und Vertretungsanfragen</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>No swap or cover requests. Ask for Swap/Cover… sends one about your next shift.</source>
        <translation>Keine Tausch- oder Vertretungsanfragen. „Um Tausch/Vertretung bitten…“ sendet eine zu Ihrer nächsten Schicht.</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>D&amp;ecline</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>Ap&amp;prove</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>As a lead: let an accepted swap apply (rotations that need approval).</source>
        <translation>Als Teamleitung: einen angenommenen Tausch wirksam werden lassen (Rotationen, die eine Genehmigung verlangen).</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Zurückweisen</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>Zu&amp;rückziehen</translation>
    </message>
    <message>
        <source>nobody: the seat is empty (a gap)</source>
        <translation>niemand: der Platz ist leer (eine Lücke)</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation>Hallo, %1</translation>
    </message>
    <message>
        <source>On call</source>
        <translation>Bereitschaft</translation>
    </message>
    <message>
        <source>Nobody is set as you yet.</source>
        <translation>Noch ist niemand als Sie festgelegt.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Your note for the pair after you: “%1”</source>
        <translation>Ihre Notiz für das Paar nach Ihnen: „%1“</translation>
    </message>
    <message>
        <source>No shift of yours is planned.</source>
        <translation>Für Sie ist keine Schicht geplant.</translation>
    </message>
    <message>
        <source>A lead plans the rotations with Rotations ▸ Plan… (or shares them through a CalDAV server: Rotations ▸ Share Team via CalDAV…). Your shifts show here then.</source>
        <translation>Eine Teamleitung plant die Rotationen mit Rotationen ▸ Planen… (oder teilt sie über einen CalDAV-Server: Rotationen ▸ Team über CalDAV teilen…). Ihre Schichten erscheinen dann hier.</translation>
    </message>
    <message>
        <source>%1: you are on call now, handing off %2</source>
        <translation>%1: Sie sind jetzt in Bereitschaft, Übergabe %2</translation>
    </message>
    <message>
        <source>%1: starts %2</source>
        <translation>%1: beginnt %2</translation>
    </message>
    <message>
        <source>%1 – %2 (your time, %3)</source>
        <translation>%1 – %2 (Ihre Zeit, %3)</translation>
    </message>
    <message>
        <source>%1 – %2 (the rotation&apos;s time, %3)</source>
        <translation>%1 – %2 (Zeit der Rotation, %3)</translation>
    </message>
    <message>
        <source>⚠ You are on leave %1, during this shift: ask for a swap or cover (Ask for Swap/Cover…) or tell your lead.</source>
        <translation>⚠ Sie sind %1 abwesend, während dieser Schicht: Bitten Sie um Tausch oder Vertretung („Um Tausch/Vertretung bitten…“) oder sagen Sie Ihrer Teamleitung Bescheid.</translation>
    </message>
    <message>
        <source>You hold the %1 seat, with %2</source>
        <translation>Sie haben den Platz „%1“, mit %2</translation>
    </message>
    <message>
        <source>No bridge link on this shift.</source>
        <translation>Kein Bridge-Link für diese Schicht.</translation>
    </message>
    <message>
        <source>Bridge: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>Bridge: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <source>No shift before yours in this rotation.</source>
        <translation>Keine Schicht vor Ihrer in dieser Rotation.</translation>
    </message>
    <message>
        <source>No handoff note from the pair before you yet.</source>
        <translation>Noch keine Übergabenotiz vom Paar vor Ihnen.</translation>
    </message>
    <message>
        <source>Handoff note from %1: “%2”</source>
        <translation>Übergabenotiz von %1: „%2“</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>nobody (a gap)</source>
        <translation>niemand (eine Lücke)</translation>
    </message>
    <message>
        <source>⚠ on leave %1</source>
        <translation>⚠ abwesend %1</translation>
    </message>
    <message>
        <source>You are on leave %1, during this shift.</source>
        <translation>Sie sind %1 abwesend, während dieser Schicht.</translation>
    </message>
    <message>
        <source>nobody: no shift is planned now</source>
        <translation>niemand: jetzt ist keine Schicht geplant</translation>
    </message>
    <message>
        <source>%1 and %2
from %3</source>
        <translation>%1 und %2
ab %3</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>nichts geplant</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>You asked %1 to swap</source>
        <translation>Sie haben %1 um einen Tausch gebeten</translation>
    </message>
    <message>
        <source>You asked %1 to cover</source>
        <translation>Sie haben %1 um Vertretung gebeten</translation>
    </message>
    <message>
        <source>%1 asks you to swap</source>
        <translation>%1 bittet Sie um einen Tausch</translation>
    </message>
    <message>
        <source>%1 asks you to cover</source>
        <translation>%1 bittet Sie um Vertretung</translation>
    </message>
    <message>
        <source>%1 and %2 (needs approval)</source>
        <translation>%1 und %2 (Genehmigung nötig)</translation>
    </message>
    <message>
        <source>Request Not Changed</source>
        <translation>Anfrage nicht geändert</translation>
    </message>
    <message>
        <source>The request is %1.</source>
        <translation>Die Anfrage ist %1.</translation>
    </message>
    <message>
        <source>You have no shift under way or behind you to leave a note on.</source>
        <translation>Sie haben keine laufende oder vergangene Schicht, zu der Sie eine Notiz hinterlassen können.</translation>
    </message>
    <message>
        <source>Handoff Note</source>
        <translation>Übergabenotiz</translation>
    </message>
    <message>
        <source>For the pair after your shift of %1: what is going on, what to watch.</source>
        <translation>Für das Paar nach Ihrer Schicht am %1: was los ist, worauf zu achten ist.</translation>
    </message>
    <message>
        <source>Note Not Saved</source>
        <translation>Notiz nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved the handoff note (Undo takes it back).</source>
        <translation>Übergabenotiz gespeichert (Rückgängig nimmt sie zurück).</translation>
    </message>
    <message>
        <source>Ask for Swap or Cover</source>
        <translation>Um Tausch oder Vertretung bitten</translation>
    </message>
    <message>
        <source>Your %1 seat of %2, %3 – %4</source>
        <translation>Ihr Platz „%1“ von %2, %3 – %4</translation>
    </message>
    <message>
        <source>&amp;Swap with one of their shifts</source>
        <translation>Mit einer ihrer Schichten &amp;tauschen</translation>
    </message>
    <message>
        <source>Ask them to &amp;cover</source>
        <translation>Um Vertretung b&amp;itten</translation>
    </message>
    <message>
        <source>Only &amp;part of the shift</source>
        <translation>Nur einen Tei&amp;l der Schicht</translation>
    </message>
    <message>
        <source>A word for your colleague (optional)</source>
        <translation>Ein Wort an Ihre Kollegin oder Ihren Kollegen (optional)</translation>
    </message>
    <message>
        <source>C&amp;olleague:</source>
        <translation>K&amp;ollege/Kollegin:</translation>
    </message>
    <message>
        <source>&amp;Their shift:</source>
        <translation>&amp;Deren Schicht:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Nachricht:</translation>
    </message>
    <message>
        <source>Send Request</source>
        <translation>Anfrage senden</translation>
    </message>
    <message>
        <source>Sent the request to %1.</source>
        <translation>Anfrage an %1 gesendet.</translation>
    </message>
</context>
<context>
    <name>Tandem::HourWindowsEditor</name>
    <message>
        <source>Hours</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>All the ti&amp;me</source>
        <translation>&amp;Durchgehend</translation>
    </message>
    <message>
        <source>Only inside these &amp;hours:</source>
        <translation>Nur in diesen &amp;Zeiten:</translation>
    </message>
    <message>
        <source>Add &amp;Window</source>
        <translation>Zeitfenster &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Preset hours</source>
        <translation>Vorgegebene Zeiten</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>Vorlagen…</translation>
    </message>
    <message>
        <source>Business hours (Mon–Fri 09:00–17:00)</source>
        <translation>Geschäftszeiten (Mo–Fr 09:00–17:00)</translation>
    </message>
    <message>
        <source>Nights (18:00–09:00)</source>
        <translation>Nächte (18:00–09:00)</translation>
    </message>
    <message>
        <source>Weekends (Sat 00:00 – Mon 00:00)</source>
        <translation>Wochenenden (Sa 00:00 – Mo 00:00)</translation>
    </message>
    <message>
        <source>Wall-clock hours in the rotation&apos;s time zone, also across daylight saving time. Shifts are cut at their edges; the pair stays the same for the whole shift. A time range that ends at or before it starts runs past midnight.</source>
        <translation>Uhrzeiten in der Zeitzone der Rotation, auch über die Zeitumstellung hinweg. Schichten werden an ihren Grenzen geteilt; das Paar bleibt für die ganze Schicht dasselbe. Eine Spanne, die vor oder zu ihrem Beginn endet, läuft über Mitternacht.</translation>
    </message>
    <message>
        <source>Window %1: first day</source>
        <translation>Zeitfenster %1: erster Tag</translation>
    </message>
    <message>
        <source>Window %1: last day</source>
        <translation>Zeitfenster %1: letzter Tag</translation>
    </message>
    <message>
        <source>Window %1: from</source>
        <translation>Zeitfenster %1: von</translation>
    </message>
    <message>
        <source>Window %1: to</source>
        <translation>Zeitfenster %1: bis</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove window %1</source>
        <translation>Zeitfenster %1 entfernen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
</context>
<context>
    <name>Tandem::IcalService</name>
    <message>
        <source>The rotation is not in the database.</source>
        <translation>Die Rotation ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The team is not in the database.</source>
        <translation>Das Team ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The person is not in the database.</source>
        <translation>Die Person ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>Time off %1 to %2 (“%3”): %4</source>
        <translation>Abwesenheit %1 bis %2 („%3“): %4</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Gesetzlicher Feiertag</translation>
    </message>
    <message>
        <source>Holiday %1 (“%2”): %3</source>
        <translation>Feiertag %1 („%2“): %3</translation>
    </message>
</context>
<context>
    <name>Tandem::IcsText</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>“%1” is not an iCalendar content line (NAME:value).</source>
        <translation>„%1“ ist keine iCalendar-Inhaltszeile (NAME:Wert).</translation>
    </message>
    <message>
        <source>a parameter of %1 is not NAME=value.</source>
        <translation>ein Parameter von %1 ist nicht NAME=Wert.</translation>
    </message>
    <message>
        <source>a quoted parameter value of %1 is not closed.</source>
        <translation>ein Parameterwert in Anführungszeichen von %1 wird nicht geschlossen.</translation>
    </message>
    <message>
        <source>a parameter value of %1 has a stray quote.</source>
        <translation>ein Parameterwert von %1 hat ein einzelnes Anführungszeichen.</translation>
    </message>
    <message>
        <source>“%1” has no “:” before its value.</source>
        <translation>„%1“ hat kein „:“ vor seinem Wert.</translation>
    </message>
    <message>
        <source>the RRULE is empty.</source>
        <translation>die RRULE ist leer.</translation>
    </message>
    <message>
        <source>“%1” in the RRULE is not NAME=value.</source>
        <translation>„%1“ in der RRULE ist nicht NAME=Wert.</translation>
    </message>
    <message>
        <source>%1 appears twice in the RRULE.</source>
        <translation>%1 kommt zweimal in der RRULE vor.</translation>
    </message>
    <message>
        <source>FREQ=%1 is not a recurrence frequency.</source>
        <translation>FREQ=%1 ist keine Wiederholungsfrequenz.</translation>
    </message>
    <message>
        <source>COUNT=%1 in the RRULE is not a number from 1 to %2.</source>
        <translation>COUNT=%1 in der RRULE ist keine Zahl von 1 bis %2.</translation>
    </message>
    <message>
        <source>%1 is not a part of a recurrence rule.</source>
        <translation>%1 ist kein Teil einer Wiederholungsregel.</translation>
    </message>
    <message>
        <source>%1=%2 in the RRULE is not valid.</source>
        <translation>%1=%2 in der RRULE ist ungültig.</translation>
    </message>
    <message>
        <source>the RRULE has no FREQ.</source>
        <translation>die RRULE hat kein FREQ.</translation>
    </message>
    <message>
        <source>the RRULE has both UNTIL and COUNT.</source>
        <translation>die RRULE hat sowohl UNTIL als auch COUNT.</translation>
    </message>
    <message>
        <source>the event repeats %1; Tandem imports whole days, so at most daily repeats are read.</source>
        <translation>das Ereignis wiederholt sich %1; Tandem importiert ganze Tage, daher werden höchstens tägliche Wiederholungen gelesen.</translation>
    </message>
    <message>
        <source>The file is %1 MB; Tandem reads calendar files of at most %2 MB.</source>
        <translation>Die Datei ist %1 MB groß; Tandem liest Kalenderdateien von höchstens %2 MB.</translation>
    </message>
    <message>
        <source>The file is empty; it is not an iCalendar file.</source>
        <translation>Die Datei ist leer; sie ist keine iCalendar-Datei.</translation>
    </message>
    <message>
        <source>a NUL byte: this is not a text file.</source>
        <translation>ein NUL-Byte: dies ist keine Textdatei.</translation>
    </message>
    <message>
        <source>the line is %1 bytes long; content lines are at most %2.</source>
        <translation>die Zeile ist %1 Bytes lang; Inhaltszeilen haben höchstens %2.</translation>
    </message>
    <message>
        <source>the file starts with a continuation line.</source>
        <translation>die Datei beginnt mit einer Fortsetzungszeile.</translation>
    </message>
    <message>
        <source>the content line, unfolded, is more than %1 bytes long.</source>
        <translation>die entfaltete Inhaltszeile ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>the text is not valid UTF-8.</source>
        <translation>der Text ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>a control character (code %1) in the text.</source>
        <translation>ein Steuerzeichen (Code %1) im Text.</translation>
    </message>
    <message>
        <source>“%1” where an iCalendar file starts with BEGIN:VCALENDAR; this is not an iCalendar file.</source>
        <translation>„%1“, wo eine iCalendar-Datei mit BEGIN:VCALENDAR beginnt; dies ist keine iCalendar-Datei.</translation>
    </message>
    <message>
        <source>text after END:VCALENDAR; a file holds one calendar.</source>
        <translation>Text nach END:VCALENDAR; eine Datei enthält einen Kalender.</translation>
    </message>
    <message>
        <source>BEGIN:%1 is not an iCalendar component.</source>
        <translation>BEGIN:%1 ist keine iCalendar-Komponente.</translation>
    </message>
    <message>
        <source>BEGIN:%1 is not allowed here.</source>
        <translation>BEGIN:%1 ist hier nicht erlaubt.</translation>
    </message>
    <message>
        <source>components are nested more than %1 deep.</source>
        <translation>Komponenten sind tiefer als %1 Ebenen verschachtelt.</translation>
    </message>
    <message>
        <source>END:%1 without a BEGIN.</source>
        <translation>END:%1 ohne BEGIN.</translation>
    </message>
    <message>
        <source>END:%1 where %2 (begun at line %3) should end.</source>
        <translation>END:%1, wo %2 (begonnen in Zeile %3) enden sollte.</translation>
    </message>
    <message>
        <source>an event without DTSTART.</source>
        <translation>ein Ereignis ohne DTSTART.</translation>
    </message>
    <message>
        <source>%1 outside of a component.</source>
        <translation>%1 außerhalb einer Komponente.</translation>
    </message>
    <message>
        <source>unknown time zone “%1” in %2: the file defines no VTIMEZONE for it and it is not an IANA zone.</source>
        <translation>unbekannte Zeitzone „%1“ in %2: Die Datei definiert keine VTIMEZONE dafür und sie ist keine IANA-Zone.</translation>
    </message>
    <message>
        <source>%1 lists more than 10000 dates.</source>
        <translation>%1 listet mehr als 10000 Daten auf.</translation>
    </message>
    <message>
        <source>“%1” in %2 is not a valid date or date-time (YYYYMMDD or YYYYMMDDTHHMMSS, a real day and time, year 1583 or later).</source>
        <translation>„%1“ in %2 ist kein gültiges Datum und keine gültige Datum-Uhrzeit (YYYYMMDD oder YYYYMMDDTHHMMSS, ein echter Tag und eine echte Uhrzeit, Jahr 1583 oder später).</translation>
    </message>
    <message>
        <source>%1 says VALUE=DATE but holds a date-time.</source>
        <translation>%1 gibt VALUE=DATE an, enthält aber eine Datum-Uhrzeit.</translation>
    </message>
    <message>
        <source>“%1” in %2 is not a duration (like PT1H or P2D).</source>
        <translation>„%1“ in %2 ist keine Dauer (wie PT1H oder P2D).</translation>
    </message>
    <message>
        <source>“%1” in %2 is not a UTC offset (like +0100).</source>
        <translation>„%1“ in %2 ist kein UTC-Versatz (wie +0100).</translation>
    </message>
    <message>
        <source>%1 is not a whole number: “%2”.</source>
        <translation>%1 ist keine ganze Zahl: „%2“.</translation>
    </message>
    <message>
        <source>the file ends inside %1 (begun at line %2): it is truncated.</source>
        <translation>die Datei endet innerhalb von %1 (begonnen in Zeile %2): Sie ist abgeschnitten.</translation>
    </message>
    <message>
        <source>more than %1 components (events, time zones, alarms) in one file; Tandem reads at most that many.</source>
        <translation>mehr als %1 Komponenten (Ereignisse, Zeitzonen, Alarme) in einer Datei; Tandem liest höchstens so viele.</translation>
    </message>
    <message>
        <source>the event ends (DTEND) before it starts (DTSTART, line %1).</source>
        <translation>das Ereignis endet (DTEND), bevor es beginnt (DTSTART, Zeile %1).</translation>
    </message>
    <message>
        <source>more than %1 time zone observances (STANDARD, DAYLIGHT) in one file.</source>
        <translation>mehr als %1 Zeitzonen-Abschnitte (STANDARD, DAYLIGHT) in einer Datei.</translation>
    </message>
    <message>
        <source>the time zone rule repeats too often: the file&apos;s time zones would change their offset more than %1 times.</source>
        <translation>die Zeitzonenregel wiederholt sich zu oft: Die Zeitzonen der Datei würden ihren Versatz mehr als %1-mal ändern.</translation>
    </message>
    <message>
        <source>the file&apos;s time zones change their offset more than %1 times.</source>
        <translation>die Zeitzonen der Datei ändern ihren Versatz mehr als %1-mal.</translation>
    </message>
    <message>
        <source>the recurrence rule repeats up to %1 times in the period read (%2 to %3); Tandem reads at most %4 occurrences from one file.</source>
        <translation>die Wiederholungsregel wiederholt sich bis zu %1-mal im gelesenen Zeitraum (%2 bis %3); Tandem liest höchstens %4 Vorkommen aus einer Datei.</translation>
    </message>
    <message>
        <source>more than %1 occurrences in the period read; Tandem reads at most that many from one file.</source>
        <translation>mehr als %1 Vorkommen im gelesenen Zeitraum; Tandem liest höchstens so viele aus einer Datei.</translation>
    </message>
</context>
<context>
    <name>Tandem::IdentityDialog</name>
    <message>
        <source>Who Are You?</source>
        <translation>Wer sind Sie?</translation>
    </message>
    <message>
        <source>Pick yourself from the roster. Tandem then shows your next shift and your partner on the Home page, reminds you before your shifts, and names you in the change log.</source>
        <translation>Wählen Sie sich aus der Personalliste. Tandem zeigt dann Ihre nächste Schicht und Ihren Partner auf der Startseite, erinnert Sie vor Ihren Schichten und nennt Sie im Änderungsprotokoll.</translation>
    </message>
    <message>
        <source>Who you are</source>
        <translation>Wer Sie sind</translation>
    </message>
    <message>
        <source>Nobody (do not show my shifts)</source>
        <translation>Niemand (meine Schichten nicht anzeigen)</translation>
    </message>
    <message>
        <source>&amp;I am:</source>
        <translation>&amp;Ich bin:</translation>
    </message>
</context>
<context>
    <name>Tandem::ImportReportDialog</name>
    <message>
        <source>Problems in %1</source>
        <translation>Probleme in %1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found. Nothing has been imported.</source>
        <translation>
            <numerusform>%n Problem gefunden. Es wurde nichts importiert.</numerusform>
            <numerusform>%n Probleme gefunden. Es wurde nichts importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are valid: %1 new, %2 updated.</source>
        <translation>
            <numerusform>%n Zeile ist gültig: %1 neu, %2 aktualisiert.</numerusform>
            <numerusform>%n Zeilen sind gültig: %1 neu, %2 aktualisiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>No row can be imported.</source>
        <translation>Keine Zeile kann importiert werden.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message numerus="yes">
        <source>Import the %n Valid Row(s)</source>
        <translation>
            <numerusform>Die %n gültige Zeile importieren</numerusform>
            <numerusform>Die %n gültigen Zeilen importieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::LocalItems</name>
    <message>
        <source>The team of this sync account no longer exists.</source>
        <translation>Das Team dieses Synchronisationskontos existiert nicht mehr.</translation>
    </message>
    <message>
        <source>swap request %1</source>
        <translation>Tauschanfrage %1</translation>
    </message>
    <message>
        <source>The server&apos;s swap request %1 cannot be read.</source>
        <translation>Die Tauschanfrage %1 des Servers kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>shift %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>The server&apos;s shift %1 names a rotation this database does not have.</source>
        <translation>Die Schicht %1 des Servers nennt eine Rotation, die diese Datenbank nicht hat.</translation>
    </message>
    <message>
        <source>The server&apos;s shift %1 names a person this database does not have.</source>
        <translation>Die Schicht %1 des Servers nennt eine Person, die diese Datenbank nicht hat.</translation>
    </message>
    <message>
        <source>time off %1</source>
        <translation>Abwesenheit %1</translation>
    </message>
    <message>
        <source>The server&apos;s time off %1 names a person this database does not have.</source>
        <translation>Die Abwesenheit %1 des Servers nennt eine Person, die diese Datenbank nicht hat.</translation>
    </message>
    <message>
        <source>team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>roster</source>
        <translation>Personalliste</translation>
    </message>
    <message>
        <source>person %1</source>
        <translation>Person %1</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt; was already here: matched by e-mail with the shared roster.</source>
        <translation>%1 &lt;%2&gt; war bereits hier: über die E-Mail-Adresse der geteilten Personalliste zugeordnet.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>Your team “%1” is now called “%2”: the shared team has its name.</source>
        <translation>Ihr Team „%1“ heißt jetzt „%2“: Das geteilte Team hat diesen Namen.</translation>
    </message>
    <message>
        <source>rotation %1</source>
        <translation>Rotation %1</translation>
    </message>
    <message>
        <source>Your rotation “%1” is the shared team&apos;s rotation of that name: its shifts joined it.</source>
        <translation>Ihre Rotation „%1“ ist die gleichnamige Rotation des geteilten Teams: Ihre Schichten sind in ihr aufgegangen.</translation>
    </message>
    <message>
        <source>Your rotation “%1” is now called “%2”: the shared team has one of that name.</source>
        <translation>Ihre Rotation „%1“ heißt jetzt „%2“: Das geteilte Team hat eine mit diesem Namen.</translation>
    </message>
    <message>
        <source>pool %1</source>
        <translation>Pool %1</translation>
    </message>
    <message>
        <source>Your ops pool “%1” is now called “%2”: the shared team has one of that name.</source>
        <translation>Ihr Ops-Pool „%1“ heißt jetzt „%2“: Das geteilte Team hat einen mit diesem Namen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The server&apos;s shift %1 cannot be read: %2</source>
        <translation>Die Schicht %1 des Servers kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The server&apos;s shift of %1</source>
        <translation>Die Schicht von %1 auf dem Server</translation>
    </message>
    <message>
        <source>The server&apos;s time off %1 cannot be read: %2</source>
        <translation>Die Abwesenheit %1 des Servers kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The server&apos;s time off %1</source>
        <translation>Die Abwesenheit %1 auf dem Server</translation>
    </message>
    <message>
        <source>The server&apos;s roster cannot be read: %1</source>
        <translation>Die Personalliste des Servers kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The server&apos;s team %1</source>
        <translation>Das Team %1 auf dem Server</translation>
    </message>
    <message>
        <source>%1 in the server&apos;s roster</source>
        <translation>%1 in der Personalliste des Servers</translation>
    </message>
    <message>
        <source>The server&apos;s roster names %1 twice.</source>
        <translation>Die Personalliste des Servers nennt %1 zweimal.</translation>
    </message>
    <message>
        <source>The server&apos;s rotation %1</source>
        <translation>Die Rotation %1 auf dem Server</translation>
    </message>
    <message>
        <source>The server&apos;s roster has two rotations named %1.</source>
        <translation>Die Personalliste des Servers hat zwei Rotationen namens %1.</translation>
    </message>
    <message>
        <source>The server&apos;s ops pool %1</source>
        <translation>Der Ops-Pool %1 auf dem Server</translation>
    </message>
    <message>
        <source>The server&apos;s holiday %1</source>
        <translation>Der Feiertag %1 auf dem Server</translation>
    </message>
    <message>
        <source>The server&apos;s service %1</source>
        <translation>Der Dienst %1 auf dem Server</translation>
    </message>
    <message>
        <source>The server&apos;s service %1 names a rotation that is not on the team&apos;s roster.</source>
        <translation>Der Dienst %1 auf dem Server nennt eine Rotation, die nicht in der Personalliste des Teams steht.</translation>
    </message>
    <message>
        <source>The server&apos;s roster has two services named %1.</source>
        <translation>Die Personalliste des Servers hat zwei Dienste namens %1.</translation>
    </message>
    <message>
        <source>service %1</source>
        <translation>Dienst %1</translation>
    </message>
    <message>
        <source>Your service “%1” is now called “%2”: the shared team has one of that name.</source>
        <translation>Ihr Dienst „%1“ heißt jetzt „%2“: Das geteilte Team hat einen mit diesem Namen.</translation>
    </message>
    <message>
        <source>The server&apos;s roster belongs to another team (%1).</source>
        <translation>Die Personalliste des Servers gehört zu einem anderen Team (%1).</translation>
    </message>
    <message>
        <source>holiday %1</source>
        <translation>Feiertag %1</translation>
    </message>
</context>
<context>
    <name>Tandem::MainWindow</name>
    <message>
        <source>&amp;New Database…</source>
        <translation>&amp;Neue Datenbank…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>Datenbank &amp;öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Team</source>
        <translation>Demo-Tea&amp;m öffnen</translation>
    </message>
    <message>
        <source>&amp;Import Roster…</source>
        <translation>Personalliste &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Export Roster…</source>
        <translation>Personalliste &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export i&amp;Calendar…</source>
        <translation>i&amp;Calendar exportieren…</translation>
    </message>
    <message>
        <source>Import &amp;Time Off from iCalendar…</source>
        <translation>&amp;Abwesenheiten aus iCalendar importieren…</translation>
    </message>
    <message>
        <source>Import &amp;Holidays from iCalendar…</source>
        <translation>&amp;Feiertage aus iCalendar importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Add Person…</source>
        <translation>Person &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit Person…</source>
        <translation>Person &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Remo&amp;ve Person…</source>
        <translation>Person ent&amp;fernen…</translation>
    </message>
    <message>
        <source>&amp;Time Off…</source>
        <translation>&amp;Abwesenheit…</translation>
    </message>
    <message>
        <source>Ne&amp;w Team…</source>
        <translation>Neues &amp;Team…</translation>
    </message>
    <message>
        <source>Edit Tea&amp;m…</source>
        <translation>Tea&amp;m bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;New Rotation…</source>
        <translation>&amp;Neue Rotation…</translation>
    </message>
    <message>
        <source>&amp;Edit Rotation…</source>
        <translation>Rotation &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Plan…</source>
        <translation>&amp;Planen…</translation>
    </message>
    <message>
        <source>&amp;Print Rotation Sheet…</source>
        <translation>Rotationsplan &amp;drucken…</translation>
    </message>
    <message>
        <source>&amp;Reports…</source>
        <translation>Be&amp;richte…</translation>
    </message>
    <message>
        <source>Set My &amp;Identity…</source>
        <translation>Meine &amp;Identität festlegen…</translation>
    </message>
    <message>
        <source>Remin&amp;ders…</source>
        <translation>&amp;Erinnerungen…</translation>
    </message>
    <message>
        <source>Show Tool&amp;bar</source>
        <translation>&amp;Werkzeugleiste anzeigen</translation>
    </message>
    <message>
        <source>&amp;About Tandem</source>
        <translation>&amp;Über Tandem</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Edit Team</source>
        <translation>Team bearbeiten</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Rotations</source>
        <translation>&amp;Rotationen</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Add Person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Time Off</source>
        <translation>Abwesenheit</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Import Roster</source>
        <translation>Personalliste importieren</translation>
    </message>
    <message>
        <source>Export Roster</source>
        <translation>Personalliste exportieren</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>&amp;Personalliste</translation>
    </message>
    <message>
        <source>&amp;Calendar: Month</source>
        <translation>&amp;Kalender: Monat</translation>
    </message>
    <message>
        <source>Calendar: &amp;Timeline</source>
        <translation>Kalender: &amp;Zeitleiste</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>Status&amp;leiste anzeigen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Tandem &amp;Manual</source>
        <translation>Tandem-&amp;Handbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Cannot Open Database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot Undo or Redo</source>
        <translation>Rückgängig/Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>Edit Refused</source>
        <translation>Bearbeitung abgelehnt</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>Demo Team — Tandem</source>
        <translation>Demo-Team — Tandem</translation>
    </message>
    <message>
        <source>%1 — Tandem</source>
        <translation>%1 — Tandem</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n team(s)</source>
        <translation>
            <numerusform>%n Team</numerusform>
            <numerusform>%n Teams</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Wiederherstellen: %1</translation>
    </message>
    <message>
        <source>Created rotation %1. Plan its shifts with Rotations ▸ Plan.</source>
        <translation>Rotation %1 angelegt. Planen Sie ihre Schichten mit Rotationen ▸ Planen.</translation>
    </message>
    <message>
        <source>Cannot Edit Rotation</source>
        <translation>Rotation kann nicht bearbeitet werden</translation>
    </message>
    <message>
        <source>Cannot Create Rotation</source>
        <translation>Rotation kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot Set Identity</source>
        <translation>Identität kann nicht festgelegt werden</translation>
    </message>
    <message>
        <source>Edit Rotation</source>
        <translation>Rotation bearbeiten</translation>
    </message>
    <message>
        <source>Rotation:</source>
        <translation>Rotation:</translation>
    </message>
    <message>
        <source>Applied the plan: %1 written. Undo takes the whole plan back.</source>
        <translation>Plan übernommen: %1 geschrieben. Rückgängig nimmt den ganzen Plan zurück.</translation>
    </message>
    <message>
        <source>1 shift</source>
        <translation>1 Schicht</translation>
    </message>
    <message>
        <source>%1 shifts</source>
        <translation>%1 Schichten</translation>
    </message>
    <message>
        <source>New Database</source>
        <translation>Neue Datenbank</translation>
    </message>
    <message>
        <source>Tandem databases (*.sqlite)</source>
        <translation>Tandem-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>Cannot Create Database</source>
        <translation>Datenbank kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot replace %1.</source>
        <translation>%1 kann nicht ersetzt werden.</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Datenbank öffnen</translation>
    </message>
    <message>
        <source>Tandem databases (*.sqlite);;All files (*)</source>
        <translation>Tandem-Datenbanken (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About Tandem</source>
        <translation>Über Tandem</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;On-call rotations where every shift is a pair: a developer and an operations engineer with production access.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;KCalendarCore %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tandem %1&lt;/h3&gt;&lt;p&gt;Bereitschaftsrotationen, in denen jede Schicht ein Paar ist: ein Entwickler und ein Ops-Engineer mit Produktionszugang.&lt;/p&gt;&lt;p&gt;Qt %2 (gebaut mit %3)&lt;br&gt;KCalendarCore %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Forgot who you are.</source>
        <translation>Ihre Identität wurde vergessen.</translation>
    </message>
    <message>
        <source>You are %1.</source>
        <translation>Sie sind %1.</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Chec&amp;k Database…</source>
        <translation>Datenbank &amp;prüfen…</translation>
    </message>
    <message>
        <source>Tandem was not closed properly last time; the database was checked and is sound.</source>
        <translation>Tandem wurde beim letzten Mal nicht ordnungsgemäß beendet; die Datenbank wurde geprüft und ist in Ordnung.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Prüfe %1…</translation>
    </message>
    <message>
        <source>Check Database</source>
        <translation>Datenbank prüfen</translation>
    </message>
    <message>
        <source>Cannot Check Database</source>
        <translation>Datenbank kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>No damage found in %1.</source>
        <translation>Keine Schäden in %1 gefunden.</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>Database Damaged</source>
        <translation>Datenbank beschädigt</translation>
    </message>
    <message>
        <source>Restore the file from a backup, or join the team again from its shared calendar. What SQLite found:
%1</source>
        <translation>Stellen Sie die Datei aus einer Sicherung wieder her oder treten Sie dem Team erneut über seinen geteilten Kalender bei. Was SQLite gefunden hat:
%1</translation>
    </message>
    <message>
        <source>Import On-Call Histor&amp;y…</source>
        <translation>Bereitschafts&amp;verlauf importieren…</translation>
    </message>
    <message>
        <source>Ser&amp;vices…</source>
        <translation>&amp;Dienste…</translation>
    </message>
</context>
<context>
    <name>Tandem::ManualDialog</name>
    <message>
        <source>The manual is missing from this build.</source>
        <translation>Das Handbuch fehlt in diesem Build.</translation>
    </message>
    <message>
        <source>Tandem Manual</source>
        <translation>Tandem-Handbuch</translation>
    </message>
    <message>
        <source>Tandem manual</source>
        <translation>Tandem-Handbuch</translation>
    </message>
    <message>
        <source>Find in the manual</source>
        <translation>Im Handbuch suchen</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Zurück</translation>
    </message>
</context>
<context>
    <name>Tandem::MonthDayAccessible</name>
    <message>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <source>holiday: %1</source>
        <translation>Feiertag: %1</translation>
    </message>
    <message>
        <source>no shift</source>
        <translation>keine Schicht</translation>
    </message>
    <message>
        <source>1 shift</source>
        <translation>1 Schicht</translation>
    </message>
    <message>
        <source>%1 shifts</source>
        <translation>%1 Schichten</translation>
    </message>
    <message>
        <source>1 with a conflict</source>
        <translation>1 mit einem Konflikt</translation>
    </message>
    <message>
        <source>%1 with conflicts</source>
        <translation>%1 mit Konflikten</translation>
    </message>
    <message>
        <source>time with nobody on call</source>
        <translation>Zeit, in der niemand Bereitschaft hat</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Tandem::MonthView</name>
    <message>
        <source>off: %1</source>
        <translation>abwesend: %1</translation>
    </message>
    <message>
        <source>%1: no shift planned from %2 to %3, nobody on call. Rotations ▸ Plan… fills it.</source>
        <translation>%1: keine Schicht geplant von %2 bis %3, niemand in Bereitschaft. Rotationen ▸ Planen… füllt die Lücke.</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>no shift planned</source>
        <translation>keine Schicht geplant</translation>
    </message>
    <message>
        <source>Handoff %1</source>
        <translation>Übergabe %1</translation>
    </message>
    <message>
        <source>Holiday: %1</source>
        <translation>Feiertag: %1</translation>
    </message>
    <message>
        <source>On leave: %1</source>
        <translation>Abwesend: %1</translation>
    </message>
</context>
<context>
    <name>Tandem::MonthViewAccessible</name>
    <message>
        <source>Month calendar, %1</source>
        <translation>Monatskalender, %1</translation>
    </message>
    <message>
        <source>Arrow keys move between days, Ctrl+Up and Ctrl+Down between the shifts of a day, Return opens a shift, the menu key acts on it.</source>
        <translation>Die Pfeiltasten wechseln zwischen den Tagen, Strg+Hoch und Strg+Runter zwischen den Schichten eines Tages, die Eingabetaste öffnet eine Schicht, die Menütaste bietet Aktionen dafür an.</translation>
    </message>
</context>
<context>
    <name>Tandem::OnboardingPage</name>
    <message>
        <source>No onboarding</source>
        <translation>Keine Einarbeitung</translation>
    </message>
    <message>
        <source>Shadow shifts a new developer needs</source>
        <translation>Schattenschichten, die ein neuer Entwickler braucht</translation>
    </message>
    <message>
        <source>Developers onboarding</source>
        <translation>Entwickler in Einarbeitung</translation>
    </message>
    <message>
        <source>Checked developers shadow pairs (no load, no production access) and do not take the developer seat until a lead confirms them.</source>
        <translation>Markierte Entwickler begleiten Paare als Schatten (ohne Last, ohne Produktionszugang) und übernehmen den Entwicklerplatz erst, wenn eine Leitung sie bestätigt.</translation>
    </message>
    <message>
        <source>Takes the selected developer, who has done enough shadow shifts, off the onboarding list: from the next plan on they take the developer seat.</source>
        <translation>Nimmt den gewählten Entwickler, der genug Schattenschichten absolviert hat, von der Einarbeitungsliste: Ab dem nächsten Plan übernimmt er den Entwicklerplatz.</translation>
    </message>
    <message>
        <source>&amp;Shadow shifts before joining:</source>
        <translation>&amp;Schattenschichten vor dem Beitritt:</translation>
    </message>
    <message>
        <source>&amp;Developers onboarding:</source>
        <translation>&amp;Entwickler in Einarbeitung:</translation>
    </message>
    <message>
        <source>%1: %2 of %3 shadow shifts, ready to confirm</source>
        <translation>%1: %2 von %3 Schattenschichten, bereit zur Bestätigung</translation>
    </message>
    <message>
        <source>%1: %2 of %3 shadow shifts, %4 planned</source>
        <translation>%1: %2 von %3 Schattenschichten, %4 geplant</translation>
    </message>
    <message>
        <source>With no shadow shifts asked, a checked developer is ready at once: confirm them to let them take the developer seat.</source>
        <translation>Ohne verlangte Schattenschichten ist ein markierter Entwickler sofort bereit: Bestätigen Sie ihn, damit er den Entwicklerplatz übernimmt.</translation>
    </message>
    <message numerus="yes">
        <source>The planner puts each checked developer in the shadow seat of %n planned shift(s) with as many different pairs as it can.</source>
        <translation>
            <numerusform>Der Planer setzt jeden markierten Entwickler auf den Schattenplatz von %n geplanten Schicht, mit so vielen verschiedenen Paaren wie möglich.</numerusform>
            <numerusform>Der Planer setzt jeden markierten Entwickler auf den Schattenplatz von %n geplanten Schichten, mit so vielen verschiedenen Paaren wie möglich.</numerusform>
        </translation>
    </message>
    <message>
        <source>Con&amp;firm Ready Developer</source>
        <translation>Bereiten Entwickler bestä&amp;tigen</translation>
    </message>
</context>
<context>
    <name>Tandem::OnboardingService</name>
    <message>
        <source>The rotation %1 is not in the database.</source>
        <translation>Die Rotation %1 ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>%1 is not onboarding in %2.</source>
        <translation>%1 wird in %2 nicht eingearbeitet.</translation>
    </message>
    <message>
        <source>The person %1 is not in the database.</source>
        <translation>Die Person %1 ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>%1 is already onboarding in %2.</source>
        <translation>%1 wird in %2 bereits eingearbeitet.</translation>
    </message>
    <message>
        <source>%1 is not in the team of %2; add them to the team on the roster first.</source>
        <translation>%1 ist nicht im Team von %2; fügen Sie die Person zuerst in der Personalliste dem Team hinzu.</translation>
    </message>
    <message>
        <source>%1 has done %2 of %3 shadow shifts in %4; confirm them when they have done all of them.</source>
        <translation>%1 hat %2 von %3 Schattenschichten in %4 absolviert; bestätigen Sie die Person, wenn alle absolviert sind.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>You are shadowing %1 and %2 now in %3, until %4.</source>
        <translation>Sie begleiten jetzt %1 und %2 in %3 als Schatten, bis %4.</translation>
    </message>
    <message>
        <source>You shadow %1 and %2 on %3 in %4.</source>
        <translation>Sie begleiten %1 und %2 am %3 in %4 als Schatten.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 shadow shifts done; ready for a lead to confirm you.</source>
        <translation>%1: %2 von %3 Schattenschichten absolviert; bereit zur Bestätigung durch eine Leitung.</translation>
    </message>
    <message>
        <source>%1: %2 of %3 shadow shifts done, %4 more planned.</source>
        <translation>%1: %2 von %3 Schattenschichten absolviert, %4 weitere geplant.</translation>
    </message>
</context>
<context>
    <name>Tandem::PairMatrixModel</name>
    <message>
        <source>%1 and %2: %3</source>
        <translation>%1 und %2: %3</translation>
    </message>
    <message>
        <source>1 shift together</source>
        <translation>1 gemeinsame Schicht</translation>
    </message>
    <message>
        <source>%1 shifts together</source>
        <translation>%1 gemeinsame Schichten</translation>
    </message>
</context>
<context>
    <name>Tandem::PersonDialog</name>
    <message>
        <source>Add Person</source>
        <translation>Person hinzufügen</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>+49 30 1234 5678</source>
        <translation>+49 30 1234 5678</translation>
    </message>
    <message>
        <source>@handle</source>
        <translation>@handle</translation>
    </message>
    <message>
        <source> FTE</source>
        <translation> VZÄ</translation>
    </message>
    <message>
        <source>Has &amp;production access (can take the ops seat)</source>
        <translation>Hat &amp;Produktionszugang (kann den Ops-Platz übernehmen)</translation>
    </message>
    <message>
        <source>&amp;Senior</source>
        <translation>&amp;Senior</translation>
    </message>
    <message>
        <source>&amp;Active (planned into rotations)</source>
        <translation>&amp;Aktiv (wird in Rotationen eingeplant)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Teams:</source>
        <translation>&amp;Teams:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <source>C&amp;hat:</source>
        <translation>C&amp;hat:</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Kapazität:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Note: a developer with production access weakens the separation of duties.</source>
        <translation>Hinweis: Ein Entwickler mit Produktionszugang schwächt die Funktionstrennung.</translation>
    </message>
</context>
<context>
    <name>Tandem::PickDialog</name>
    <message>
        <source>Type to search; arrow keys choose</source>
        <translation>Tippen zum Suchen; Pfeiltasten wählen aus</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
</context>
<context>
    <name>Tandem::PlanDialog</name>
    <message>
        <source>Plan Rotations</source>
        <translation>Rotationen planen</translation>
    </message>
    <message>
        <source>Rotations to plan</source>
        <translation>Zu planende Rotationen</translation>
    </message>
    <message>
        <source>Hands off in %1</source>
        <translation>Übergabe in %1</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Planning progress</source>
        <translation>Fortschritt der Planung</translation>
    </message>
    <message>
        <source>&amp;Cancel Preview</source>
        <translation>Vorschau a&amp;bbrechen</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <source>&amp;Rotations:</source>
        <translation>&amp;Rotationen:</translation>
    </message>
    <message>
        <source>Choose rotations and days, then Preview.</source>
        <translation>Wählen Sie Rotationen und Tage, dann Vorschau.</translation>
    </message>
    <message>
        <source>Planned shifts</source>
        <translation>Geplante Schichten</translation>
    </message>
    <message>
        <source>Fairness per person</source>
        <translation>Fairness pro Person</translation>
    </message>
    <message>
        <source>Shifts per developer and ops pair</source>
        <translation>Schichten pro Paar aus Entwickler und Ops</translation>
    </message>
    <message>
        <source>Coverage gaps</source>
        <translation>Lücken in der Abdeckung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Preview the plan to see its gaps.</source>
        <translation>Zeigen Sie die Vorschau des Plans an, um seine Lücken zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Shifts</source>
        <translation>&amp;Schichten</translation>
    </message>
    <message>
        <source>F&amp;airness</source>
        <translation>F&amp;airness</translation>
    </message>
    <message>
        <source>Pa&amp;irs</source>
        <translation>&amp;Paare</translation>
    </message>
    <message>
        <source>&amp;Gaps</source>
        <translation>&amp;Lücken</translation>
    </message>
    <message>
        <source>&amp;Apply Plan</source>
        <translation>Plan &amp;übernehmen</translation>
    </message>
    <message>
        <source>Why these people</source>
        <translation>Warum diese Personen</translation>
    </message>
    <message>
        <source>Developer: %1</source>
        <translation>Entwickler: %1</translation>
    </message>
    <message>
        <source>Ops: %1</source>
        <translation>Ops: %1</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>Der letzte Tag liegt vor dem ersten.</translation>
    </message>
    <message>
        <source>1 week</source>
        <translation>1 Woche</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1 Wochen</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>There is no rotation to plan yet: create one with Rotations ▸ New Rotation.</source>
        <translation>Es gibt noch keine Rotation zu planen: Legen Sie eine an mit Rotationen ▸ Neue Rotation.</translation>
    </message>
    <message>
        <source>Check at least one rotation to plan.</source>
        <translation>Wählen Sie mindestens eine Rotation zum Planen aus.</translation>
    </message>
    <message>
        <source>The plan must end on or after its first day.</source>
        <translation>Der Plan muss an oder nach seinem ersten Tag enden.</translation>
    </message>
    <message>
        <source>Preview the plan to see its shifts, fairness and gaps.</source>
        <translation>Zeigen Sie die Vorschau des Plans an, um seine Schichten, Fairness und Lücken zu sehen.</translation>
    </message>
    <message>
        <source>Planning %1…</source>
        <translation>Plane %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Preview cancelled; nothing to apply.</source>
        <translation>Vorschau abgebrochen; nichts zu übernehmen.</translation>
    </message>
    <message>
        <source>%1: weighted load %2 to %3 (max − min %4), largest deviation from fair share %5</source>
        <translation>%1: gewichtete Last %2 bis %3 (Max − Min %4), größte Abweichung vom fairen Anteil %5</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>&amp;Gaps (%1)</source>
        <translation>&amp;Lücken (%1)</translation>
    </message>
    <message>
        <source>No gaps: every seat of the plan has someone.</source>
        <translation>Keine Lücken: Jeder Platz des Plans ist besetzt.</translation>
    </message>
    <message>
        <source>Not in this plan: no shift is planned from %1; start the plan there to cover it.</source>
        <translation>Nicht in diesem Plan: Ab %1 ist keine Schicht geplant; beginnen Sie den Plan dort, um die Lücke zu schließen.</translation>
    </message>
    <message>
        <source>nothing to apply.</source>
        <translation>nichts zu übernehmen.</translation>
    </message>
    <message>
        <source>(optimal: no plan does better)</source>
        <translation>(optimal: kein Plan ist besser)</translation>
    </message>
    <message>
        <source>(within %1 of the bound %2)</source>
        <translation>(höchstens %1 von der Schranke %2 entfernt)</translation>
    </message>
    <message>
        <source>Change as few shifts as possible</source>
        <translation>So wenige Schichten wie möglich ändern</translation>
    </message>
    <message>
        <source>Rebalance for the fairest plan</source>
        <translation>Für den fairsten Plan neu ausgleichen</translation>
    </message>
    <message>
        <source>When shifts are already planned: keep them wherever the rules allow and change only what new leave or rules force (and at most one more to even out the load), or move more of them to even out the load again.</source>
        <translation>Wenn schon Schichten geplant sind: sie behalten, wo die Regeln es erlauben, und nur ändern, was neuer Urlaub oder Regeln erzwingen (und höchstens eine weitere, um die Last auszugleichen), oder mehr davon verschieben, um die Last wieder auszugleichen.</translation>
    </message>
    <message>
        <source>&amp;Existing shifts:</source>
        <translation>&amp;Bestehende Schichten:</translation>
    </message>
    <message>
        <source>a rebalancing re-plan found %1 (Existing shifts: Rebalance)</source>
        <translation>eine Neuplanung mit Neuausgleich fand %1 (Bestehende Schichten: neu ausgleichen)</translation>
    </message>
</context>
<context>
    <name>Tandem::PlanEditor</name>
    <message>
        <source>Apply plan for %1</source>
        <translation>Plan für %1 übernehmen</translation>
    </message>
    <message>
        <source>Cannot redo or undo “%1”: %2</source>
        <translation>„%1“ kann nicht wiederhergestellt oder rückgängig gemacht werden: %2</translation>
    </message>
</context>
<context>
    <name>Tandem::PlanPreviewModel</name>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation>Fest</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>— gap —</source>
        <translation>— Lücke —</translation>
    </message>
    <message>
        <source>(unknown person)</source>
        <translation>(unbekannte Person)</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 geändert</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 unverändert</translation>
    </message>
    <message>
        <source>%1 fixed</source>
        <translation>%1 fest</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>%1: %2; %3</source>
        <translation>%1: %2; %3</translation>
    </message>
    <message>
        <source>1 shift</source>
        <translation>1 Schicht</translation>
    </message>
    <message>
        <source>%1 shifts</source>
        <translation>%1 Schichten</translation>
    </message>
    <message>
        <source>1 gap</source>
        <translation>1 Lücke</translation>
    </message>
    <message>
        <source>%1 gaps</source>
        <translation>%1 Lücken</translation>
    </message>
    <message>
        <source>%1 (%2)
%3 UTC</source>
        <translation>%1 (%2)
%3 UTC</translation>
    </message>
    <message>
        <source>Before: %1 (developer) and %2 (ops)</source>
        <translation>Vorher: %1 (Entwickler) und %2 (Ops)</translation>
    </message>
    <message>
        <source>Past, locked or published inside the freeze window: the planner keeps it.</source>
        <translation>Vergangen, fixiert oder veröffentlicht innerhalb der Sperrfrist: Der Planer behält sie.</translation>
    </message>
    <message>
        <source>No longer fits the rotation&apos;s shape; applying the plan deletes it.</source>
        <translation>Passt nicht mehr zur Form der Rotation; das Übernehmen des Plans löscht sie.</translation>
    </message>
    <message>
        <source>Developer: %1
Ops: %2</source>
        <translation>Entwickler: %1
Ops: %2</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Coverage gap</source>
        <translation>Lücke in der Abdeckung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>Tandem::PlanService</name>
    <message>
        <source>The plan needs a valid first and last day.</source>
        <translation>Der Plan braucht einen gültigen ersten und letzten Tag.</translation>
    </message>
    <message>
        <source>The plan ends (%1) before it starts (%2).</source>
        <translation>Der Plan endet (%1), bevor er beginnt (%2).</translation>
    </message>
    <message>
        <source>The rotation %1 is not in the database.</source>
        <translation>Die Rotation %1 ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The plan was cancelled; nothing was written.</source>
        <translation>Der Plan wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>A shift of the plan was deleted meanwhile; plan again.</source>
        <translation>Eine Schicht des Plans wurde inzwischen gelöscht; planen Sie erneut.</translation>
    </message>
    <message>
        <source>The plan covers %1 days; Tandem plans at most %2 days (5 years) at once. Plan a shorter period, or several in turn.</source>
        <translation>Der Plan umfasst %1 Tage; Tandem plant höchstens %2 Tage (5 Jahre) auf einmal. Planen Sie einen kürzeren Zeitraum oder mehrere nacheinander.</translation>
    </message>
    <message>
        <source>%1: %2 Change it in the rotation&apos;s settings (rotation edit).</source>
        <translation>%1: %2 Ändern Sie es in den Einstellungen der Rotation (rotation edit).</translation>
    </message>
    <message>
        <source>time off</source>
        <translation>Abwesenheit</translation>
    </message>
    <message>
        <source>a shift</source>
        <translation>eine Schicht</translation>
    </message>
    <message>
        <source>the roster</source>
        <translation>die Personalliste</translation>
    </message>
    <message>
        <source>a public holiday</source>
        <translation>ein gesetzlicher Feiertag</translation>
    </message>
    <message>
        <source>a rotation, team or pool</source>
        <translation>eine Rotation, ein Team oder ein Pool</translation>
    </message>
    <message>
        <source>The data changed while the plan was computed (%1, changed by %2); nothing was written. Plan again.</source>
        <translation>Die Daten haben sich geändert, während der Plan berechnet wurde (%1, geändert von %2); es wurde nichts geschrieben. Planen Sie erneut.</translation>
    </message>
    <message>
        <source>The period has %1 days; fairness is reported over at most %2 days (5 years).</source>
        <translation>Der Zeitraum hat %1 Tage; Fairness wird über höchstens %2 Tage (5 Jahre) berichtet.</translation>
    </message>
</context>
<context>
    <name>Tandem::Planner</name>
    <message>
        <source>%1 is not in the team</source>
        <translation>%1 gehört nicht zum Team</translation>
    </message>
    <message>
        <source>%1 is not a developer of the team of %2; add them to the team on the roster to let them take its developer seat.</source>
        <translation>%1 ist kein Entwickler des Teams von %2; fügen Sie die Person in der Personalliste zum Team hinzu, damit sie dessen Entwicklerplatz übernehmen kann.</translation>
    </message>
    <message>
        <source>The weights of %1 are not usable numbers (weekend %2, holiday %3, night %4).</source>
        <translation>Die Gewichte von %1 sind keine verwendbaren Zahlen (Wochenende %2, Feiertag %3, Nacht %4).</translation>
    </message>
    <message>
        <source>The capacity of %1 is not a usable number (%2).</source>
        <translation>Die Kapazität von %1 ist keine verwendbare Zahl (%2).</translation>
    </message>
    <message>
        <source>%1 already in a seat</source>
        <translation>%1 hat schon einen Platz</translation>
    </message>
    <message>
        <source>%1 already holds a seat of this shift; the shadow is a third person who watches the pair.</source>
        <translation>%1 hat schon einen Platz in dieser Schicht; der Schatten ist eine dritte Person, die dem Paar zusieht.</translation>
    </message>
    <message>
        <source>%1 is inactive</source>
        <translation>%1 ist inaktiv</translation>
    </message>
    <message>
        <source>%1 is marked inactive on the roster.</source>
        <translation>%1 ist in der Personalliste als inaktiv markiert.</translation>
    </message>
    <message>
        <source>%1 on leave</source>
        <translation>%1 abwesend</translation>
    </message>
    <message>
        <source>%1 is on leave %2 and cannot shadow this shift.</source>
        <translation>%1 ist %2 abwesend und kann diese Schicht nicht als Schatten begleiten.</translation>
    </message>
    <message>
        <source>%1 double-booked</source>
        <translation>%1 doppelt eingeplant</translation>
    </message>
    <message>
        <source>rest rule broken with %1</source>
        <translation>Ruheregel verletzt mit %1</translation>
    </message>
    <message>
        <source>%1 would rest only %2 h between this shift and %3 (at least %4 h), shadowing too.</source>
        <translation>%1 hätte zwischen dieser Schicht und %3 nur %2 h Ruhe (mindestens %4 h), auch als Schatten.</translation>
    </message>
    <message>
        <source>%1 shadows another shift at that time (%2); a shadow needs the whole shift.</source>
        <translation>%1 begleitet zu dieser Zeit eine andere Schicht als Schatten (%2); ein Schatten braucht die ganze Schicht.</translation>
    </message>
    <message>
        <source>%1 is on call at that time (%2); a shadow needs the whole shift.</source>
        <translation>%1 hat zu dieser Zeit Bereitschaft (%2); ein Schatten braucht die ganze Schicht.</translation>
    </message>
</context>
<context>
    <name>Tandem::Planner::Engine</name>
    <message>
        <source>%1: kept from the current plan (load %2, fair share %3)</source>
        <translation>%1: aus dem aktuellen Plan behalten (Last %2, fairer Anteil %3)</translation>
    </message>
    <message>
        <source>%1: lowest weighted load in pool (%2 vs mean %3)</source>
        <translation>%1: niedrigste gewichtete Last im Pool (%2 gegenüber Mittel %3)</translation>
    </message>
    <message>
        <source>; first shift with %1</source>
        <translation>; erste Schicht mit %1</translation>
    </message>
    <message>
        <source>developers</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>the team has no active developer</source>
        <translation>das Team hat keinen aktiven Entwickler</translation>
    </message>
    <message>
        <source>the ops pool has nobody with production access</source>
        <translation>der Ops-Pool hat niemanden mit Produktionszugang</translation>
    </message>
    <message>
        <source>all %1 %2 on leave %3</source>
        <translation>alle %1 %2 abwesend %3</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>resting</source>
        <translation>in Ruhezeit</translation>
    </message>
    <message>
        <source>on call elsewhere</source>
        <translation>anderswo in Bereitschaft</translation>
    </message>
    <message>
        <source>at the 4-week cap</source>
        <translation>an der 4-Wochen-Grenze</translation>
    </message>
    <message>
        <source>pairing rules</source>
        <translation>Paarungsregeln</translation>
    </message>
    <message>
        <source>without production access</source>
        <translation>ohne Produktionszugang</translation>
    </message>
    <message>
        <source>no %1 free %2 (%3)</source>
        <translation>kein %1 frei %2 (%3)</translation>
    </message>
    <message>
        <source>%1: free after the plan was rearranged</source>
        <translation>%1: frei, nachdem der Plan umgestellt wurde</translation>
    </message>
    <message>
        <source>%1: free after others took their neighbouring seats (no one else could take this one)</source>
        <translation>%1: frei, nachdem andere die benachbarten Plätze übernommen haben (niemand sonst konnte diesen übernehmen)</translation>
    </message>
    <message>
        <source>%1: takes the seat so that %2 can fill a gap</source>
        <translation>%1: übernimmt den Platz, damit %2 eine Lücke füllen kann</translation>
    </message>
    <message>
        <source>%1: takes over from %2 to even out the load (%2 was %3 above fair share)</source>
        <translation>%1: übernimmt von %2, um die Last auszugleichen (%2 lag %3 über dem fairen Anteil)</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>fixiert</translation>
    </message>
    <message>
        <source>already started</source>
        <translation>bereits begonnen</translation>
    </message>
    <message>
        <source>published and frozen</source>
        <translation>veröffentlicht und eingefroren</translation>
    </message>
    <message>
        <source>part of a shift that began before these days</source>
        <translation>Teil einer Schicht, die vor diesen Tagen begann</translation>
    </message>
</context>
<context>
    <name>Tandem::Planner::LocalSearch</name>
    <message>
        <source>%1: free after the plan was rearranged</source>
        <translation>%1: frei, nachdem der Plan umgestellt wurde</translation>
    </message>
    <message>
        <source>%1: free after others took their neighbouring seats (no one else could take this one)</source>
        <translation>%1: frei, nachdem andere die benachbarten Plätze übernommen haben (niemand sonst konnte diesen übernehmen)</translation>
    </message>
    <message>
        <source>%1: takes the seat so that %2 can fill a gap</source>
        <translation>%1: übernimmt den Platz, damit %2 eine Lücke füllen kann</translation>
    </message>
    <message>
        <source>%1: takes over from %2 to even out the load (%2 was %3 above fair share)</source>
        <translation>%1: übernimmt von %2, um die Last auszugleichen (%2 lag %3 über dem fairen Anteil)</translation>
    </message>
    <message>
        <source>%1: takes over from %2 to even out the load (%1 was %3 below fair share)</source>
        <translation>%1: übernimmt von %2, um die Last auszugleichen (%1 lag %3 unter dem fairen Anteil)</translation>
    </message>
    <message>
        <source>%1: exchanges shifts of different weight with %2 to even out the load</source>
        <translation>%1: tauscht Schichten unterschiedlichen Gewichts mit %2, um die Last auszugleichen</translation>
    </message>
    <message>
        <source>%1: takes the seat in a chain of hand-overs (%2, %3, %4) that evens out the load</source>
        <translation>%1: übernimmt den Platz in einer Kette von Übergaben (%2, %3, %4), die die Last ausgleicht</translation>
    </message>
    <message>
        <source>%1: swaps a run of shifts with %2 to even out the load (the rest rule blocks a single hand-over)</source>
        <translation>%1: tauscht eine Folge von Schichten mit %2, um die Last auszugleichen (die Ruhezeitregel verhindert eine einzelne Übergabe)</translation>
    </message>
    <message>
        <source>%1: kept from the current plan (load %2, fair share %3)</source>
        <translation>%1: aus dem aktuellen Plan behalten (Last %2, fairer Anteil %3)</translation>
    </message>
    <message>
        <source>%1: the fairest plan the exact search found for the pool gives them this shift</source>
        <translation>%1: Der fairste Plan, den die exakte Suche für den Pool gefunden hat, gibt dieser Person diese Schicht</translation>
    </message>
    <message>
        <source>%1: takes the seat with the fewest changes to the current plan</source>
        <translation>%1: übernimmt den Platz mit den wenigsten Änderungen am aktuellen Plan</translation>
    </message>
    <message>
        <source>%1: takes the seat so that %2 keeps the shift from the current plan</source>
        <translation>%1: übernimmt den Platz, damit %2 die Schicht aus dem aktuellen Plan behält</translation>
    </message>
</context>
<context>
    <name>Tandem::Planner::RuleBook</name>
    <message>
        <source>developers of %1</source>
        <translation>Entwickler von %1</translation>
    </message>
    <message>
        <source>ops of %1</source>
        <translation>Ops von %1</translation>
    </message>
    <message>
        <source>%1 has no production access</source>
        <translation>%1 hat keinen Produktionszugang</translation>
    </message>
    <message>
        <source>%1 has no production access; the ops seat needs it.</source>
        <translation>%1 hat keinen Produktionszugang; der Ops-Platz braucht ihn.</translation>
    </message>
    <message>
        <source>%1 is inactive</source>
        <translation>%1 ist inaktiv</translation>
    </message>
    <message>
        <source>%1 is marked inactive on the roster.</source>
        <translation>%1 ist in der Personalliste als inaktiv markiert.</translation>
    </message>
    <message>
        <source>%1 on leave</source>
        <translation>%1 abwesend</translation>
    </message>
    <message>
        <source>%1 is on leave %2.</source>
        <translation>%1 ist %2 abwesend.</translation>
    </message>
    <message>
        <source>another rotation</source>
        <translation>eine andere Rotation</translation>
    </message>
    <message>
        <source>%1 already on call in %2</source>
        <translation>%1 bereits in Bereitschaft in %2</translation>
    </message>
    <message>
        <source>%1 is already on call in %2 at that time.</source>
        <translation>%1 ist zu dieser Zeit bereits in Bereitschaft in %2.</translation>
    </message>
    <message>
        <source>%1 already covers %2</source>
        <translation>%1 deckt bereits %2 ab</translation>
    </message>
    <message>
        <source>%1 already covers %2 at that time (at most %3 at once).</source>
        <translation>%1 deckt zu dieser Zeit bereits %2 ab (höchstens %3 gleichzeitig).</translation>
    </message>
    <message>
        <source>%1 had the previous shift</source>
        <translation>%1 hatte die vorige Schicht</translation>
    </message>
    <message>
        <source>%1 had the previous shift: no rest in between (rest rule).</source>
        <translation>%1 hatte die vorige Schicht: keine Ruhezeit dazwischen (Ruhezeitregel).</translation>
    </message>
    <message>
        <source>rest rule broken with %1</source>
        <translation>Ruhezeitregel verletzt mit %1</translation>
    </message>
    <message>
        <source>%1 would rest only %2 h between this shift and %3 (at least %4 h).</source>
        <translation>%1 hätte nur %2 h Ruhezeit zwischen dieser Schicht und %3 (mindestens %4 h).</translation>
    </message>
    <message>
        <source>%1 at the 4-week cap</source>
        <translation>%1 an der 4-Wochen-Grenze</translation>
    </message>
    <message>
        <source>%1 would have more than %2 shifts in 4 weeks.</source>
        <translation>%1 hätte mehr als %2 Schichten in 4 Wochen.</translation>
    </message>
    <message>
        <source>%1 and %2 may not pair</source>
        <translation>%1 und %2 dürfen kein Paar bilden</translation>
    </message>
    <message>
        <source>%1 and %2 are a forbidden pair in %3.</source>
        <translation>%1 und %2 sind in %3 ein verbotenes Paar.</translation>
    </message>
    <message>
        <source>%1 is new and needs a senior ops</source>
        <translation>%1 ist neu und braucht einen Senior-Ops-Engineer</translation>
    </message>
    <message>
        <source>%1 is new and pairs only with a senior ops engineer; %2 is not senior.</source>
        <translation>%1 ist neu und bildet nur mit einem Senior-Ops-Engineer ein Paar; %2 ist nicht Senior.</translation>
    </message>
    <message>
        <source>same pair as the neighbouring shift</source>
        <translation>dasselbe Paar wie in der benachbarten Schicht</translation>
    </message>
    <message>
        <source>%1 and %2 would work two shifts in a row together.</source>
        <translation>%1 und %2 hätten zwei Schichten hintereinander zusammen.</translation>
    </message>
    <message>
        <source>%1 is onboarding</source>
        <translation>%1 in Einarbeitung</translation>
    </message>
    <message>
        <source>%1 is still onboarding in %2: they shadow pairs until a lead confirms them.</source>
        <translation>%1 wird in %2 noch eingearbeitet: Die Person begleitet Paare als Schatten, bis eine Leitung sie bestätigt.</translation>
    </message>
</context>
<context>
    <name>Tandem::PoolDialog</name>
    <message>
        <source>New Ops Pool</source>
        <translation>Neuer Ops-Pool</translation>
    </message>
    <message>
        <source>e.g. Platform ops</source>
        <translation>z. B. Plattform-Ops</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Only people with production access can take the ops seat.</source>
        <translation>Nur Personen mit Produktionszugang können den Ops-Platz übernehmen.</translation>
    </message>
    <message>
        <source>&amp;Create Pool</source>
        <translation>Pool &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>&amp;Mitglieder:</translation>
    </message>
</context>
<context>
    <name>Tandem::Print</name>
    <message>
        <source>— gap —</source>
        <translation>— Lücke —</translation>
    </message>
</context>
<context>
    <name>Tandem::Print::FairnessChart</name>
    <message>
        <source>Bars: weighted load (darker above the fair share); line: fair share; numbers: load / fair share</source>
        <translation>Balken: gewichtete Last (dunkler über dem fairen Anteil); Linie: fairer Anteil; Zahlen: Last / fairer Anteil</translation>
    </message>
    <message>
        <source>No pairs yet.</source>
        <translation>Noch keine Paare.</translation>
    </message>
    <message>
        <source>Rows: developers; columns: ops engineers; number: shifts together (darker: more often)</source>
        <translation>Zeilen: Entwickler; Spalten: Ops-Engineers; Zahl: gemeinsame Schichten (dunkler: häufiger)</translation>
    </message>
</context>
<context>
    <name>Tandem::Print::PageDocument</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
</context>
<context>
    <name>Tandem::Print::ReportRenderer</name>
    <message>
        <source>— gap —</source>
        <translation>— Lücke —</translation>
    </message>
    <message>
        <source>D %1
O %2</source>
        <translation>D %1
O %2</translation>
    </message>
    <message>
        <source>Per person</source>
        <translation>Pro Person</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Fair share</source>
        <translation>Fairer Anteil</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>Wochenenden</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Feiertage</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Nächte</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>%1: load %2 to %3 (spread %4), largest deviation from fair share %5</source>
        <translation>%1: Last %2 bis %3 (Spanne %4), größte Abweichung vom fairen Anteil %5</translation>
    </message>
    <message>
        <source>Weighted load against fair share</source>
        <translation>Gewichtete Last gegenüber fairem Anteil</translation>
    </message>
    <message>
        <source>Pairs: developer × ops engineer</source>
        <translation>Paare: Entwickler × Ops-Engineer</translation>
    </message>
    <message>
        <source>Rates per hour: weekday %1, weekend %2, public holiday %3. Days in each rotation&apos;s zone; a holiday on a weekend counts as a holiday.</source>
        <translation>Sätze pro Stunde: Werktag %1, Wochenende %2, gesetzlicher Feiertag %3. Tage in der Zone jeder Rotation; ein Feiertag am Wochenende zählt als Feiertag.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Weekday h</source>
        <translation>Werktag h</translation>
    </message>
    <message>
        <source>Weekend h</source>
        <translation>Wochenende h</translation>
    </message>
    <message>
        <source>Holiday h</source>
        <translation>Feiertag h</translation>
    </message>
    <message>
        <source>Total h</source>
        <translation>Gesamt h</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Every minute a rotation runs must be held by a developer paired with someone who has production access (as the roster stands now). Times in each rotation&apos;s zone.</source>
        <translation>Jede Minute, in der eine Rotation läuft, muss ein Entwickler zusammen mit jemandem mit Produktionszugang abdecken (nach der aktuellen Personalliste). Zeiten in der Zone jeder Rotation.</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>On-call hours</source>
        <translation>Bereitschaftsstunden</translation>
    </message>
    <message>
        <source>Covered hours</source>
        <translation>Abgedeckte Stunden</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Abgedeckt</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Lücken</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>No gaps: every minute was covered.</source>
        <translation>Keine Lücken: Jede Minute war abgedeckt.</translation>
    </message>
    <message>
        <source>Who changed which shift and when</source>
        <translation>Wer welche Schicht wann geändert hat</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>No changes recorded for these shifts.</source>
        <translation>Für diese Schichten sind keine Änderungen verzeichnet.</translation>
    </message>
    <message>
        <source>Cannot paint on the page.</source>
        <translation>Auf die Seite kann nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Tandem::Print::SheetRenderer</name>
    <message>
        <source>Rotation sheet: month</source>
        <translation>Rotationsplan: Monat</translation>
    </message>
    <message>
        <source>Rotation sheet: list</source>
        <translation>Rotationsplan: Liste</translation>
    </message>
    <message>
        <source>Personal on-call sheet</source>
        <translation>Persönlicher Bereitschaftsplan</translation>
    </message>
    <message>
        <source>All rotations</source>
        <translation>Alle Rotationen</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Valid as of %1</source>
        <translation>Gültig ab %1</translation>
    </message>
    <message>
        <source>Cannot paint on the page.</source>
        <translation>Auf die Seite kann nicht gezeichnet werden.</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>Feiertag</translation>
    </message>
    <message>
        <source>D developer · O operations (production access) · from 09:00: the handoff, before it the previous day&apos;s pair · times in each rotation&apos;s zone · shaded: weekend or holiday</source>
        <translation>D Dev (Entwickler) · O Ops (Produktionszugang) · ab 09:00: die Übergabe, davor das Paar des Vortags · Zeiten in der Zone jeder Rotation · schattiert: Wochenende oder Feiertag</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Bridge</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>No shifts in this period.</source>
        <translation>Keine Schichten in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>1 shift, %1 hours on call</source>
        <translation>1 Schicht, %1 Stunden Bereitschaft</translation>
    </message>
    <message>
        <source>%1 shifts, %2 hours on call</source>
        <translation>%1 Schichten, %2 Stunden Bereitschaft</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>yours %1</source>
        <translation>Ihre %1</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>shadow %1</source>
        <translation>Schatten %1</translation>
    </message>
    <message>
        <source>Shadow: %1</source>
        <translation>Schatten: %1</translation>
    </message>
</context>
<context>
    <name>Tandem::PrintSheetDialog</name>
    <message>
        <source>Print Rotation Sheet</source>
        <translation>Rotationsplan drucken</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>&amp;Querformat</translation>
    </message>
    <message>
        <source>&amp;Grayscale-friendly (patterns instead of colours)</source>
        <translation>&amp;Graustufentauglich (Muster statt Farben)</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Layout:</translation>
    </message>
    <message>
        <source>&amp;Print:</source>
        <translation>&amp;Drucken:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To (included):</source>
        <translation>&amp;Bis (einschließlich):</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>P&amp;apier:</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Vorschau…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Dr&amp;ucken…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Als PD&amp;F exportieren…</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>Druckvorschau</translation>
    </message>
    <message>
        <source>Export Sheet as PDF</source>
        <translation>Plan als PDF exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n page(s).</source>
        <translation>
            <numerusform>%1 geschrieben: %n Seite.</numerusform>
            <numerusform>%1 geschrieben: %n Seiten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::RecordReader</name>
    <message>
        <source>The file is not UTF-8 text. Save it as “CSV UTF-8”.</source>
        <translation>Die Datei ist kein UTF-8-Text. Speichern Sie sie als „CSV UTF-8“.</translation>
    </message>
    <message>
        <source>Text after a closing quote; quote the whole field and double the quotes inside.</source>
        <translation>Text nach einem schließenden Anführungszeichen; setzen Sie das ganze Feld in Anführungszeichen und verdoppeln Sie die Anführungszeichen darin.</translation>
    </message>
    <message>
        <source>A quoted field is not closed before the end of the file.</source>
        <translation>Ein Feld in Anführungszeichen wird vor dem Dateiende nicht geschlossen.</translation>
    </message>
</context>
<context>
    <name>Tandem::ReminderSettingsDialog</name>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Remind me of my shifts</source>
        <translation>An meine Schichten erinnern</translation>
    </message>
    <message>
        <source>&amp;24 hours before</source>
        <translation>&amp;24 Stunden vorher</translation>
    </message>
    <message>
        <source>&amp;1 hour before</source>
        <translation>&amp;1 Stunde vorher</translation>
    </message>
    <message>
        <source>At the &amp;handoff (when it starts)</source>
        <translation>Bei der Über&amp;gabe (wenn sie beginnt)</translation>
    </message>
    <message>
        <source> h before</source>
        <translation> h vorher</translation>
    </message>
    <message>
        <source>no other time</source>
        <translation>keine weitere Zeit</translation>
    </message>
    <message>
        <source>&amp;Also:</source>
        <translation>Au&amp;ßerdem:</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window closes</source>
        <translation>Im Systembereich &amp;weiterlaufen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>Diese Arbeitsumgebung hat keinen Systembereich in der Kontrollleiste.</translation>
    </message>
    <message>
        <source>&amp;Start Tandem in the tray when I log in</source>
        <translation>Tandem bei der Anmeldung im Systembereich &amp;starten</translation>
    </message>
    <message>
        <source>Reminders come from the start; the window opens from the tray.</source>
        <translation>Erinnerungen kommen von Anfang an; das Fenster öffnet sich über den Systembereich.</translation>
    </message>
    <message>
        <source>Reminders come from the start; the window starts minimized.</source>
        <translation>Erinnerungen kommen von Anfang an; das Fenster startet minimiert.</translation>
    </message>
</context>
<context>
    <name>Tandem::ReminderTray</name>
    <message>
        <source>Show Tandem</source>
        <translation>Tandem anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <source>Tandem: no shift of yours is planned</source>
        <translation>Tandem: Für Sie ist keine Schicht geplant</translation>
    </message>
    <message>
        <source>Tandem: you are on call (%1), handing off %2</source>
        <translation>Tandem: Sie sind in Bereitschaft (%1), Übergabe %2</translation>
    </message>
    <message>
        <source>Tandem: your next shift (%1) starts %2</source>
        <translation>Tandem: Ihre nächste Schicht (%1) beginnt %2</translation>
    </message>
</context>
<context>
    <name>Tandem::Reminders</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>a rotation</source>
        <translation>eine Rotation</translation>
    </message>
    <message>
        <source>Shift taken off you: %1</source>
        <translation>Schicht abgenommen: %1</translation>
    </message>
    <message>
        <source>%1 took you off your shift of %2.</source>
        <translation>%1 hat Sie aus Ihrer Schicht am %2 genommen.</translation>
    </message>
    <message>
        <source>New shift for you: %1</source>
        <translation>Neue Schicht für Sie: %1</translation>
    </message>
    <message>
        <source>%1 put you on call from %2 to %3.</source>
        <translation>%1 hat Sie von %2 bis %3 in Bereitschaft eingeteilt.</translation>
    </message>
    <message>
        <source>Your shift moved: %1</source>
        <translation>Ihre Schicht wurde verschoben: %1</translation>
    </message>
    <message>
        <source>%1 moved your shift: now %2 to %3.</source>
        <translation>%1 hat Ihre Schicht verschoben: jetzt %2 bis %3.</translation>
    </message>
    <message>
        <source>Gap from the shared calendar</source>
        <translation>Lücke aus dem geteilten Kalender</translation>
    </message>
    <message>
        <source>A change from the shared calendar breaks a rule</source>
        <translation>Eine Änderung aus dem geteilten Kalender verletzt eine Regel</translation>
    </message>
</context>
<context>
    <name>Tandem::ReportService</name>
    <message>
        <source>No such rotation.</source>
        <translation>Diese Rotation gibt es nicht.</translation>
    </message>
    <message>
        <source>The period is not valid.</source>
        <translation>Der Zeitraum ist ungültig.</translation>
    </message>
    <message>
        <source>No such person.</source>
        <translation>Diese Person gibt es nicht.</translation>
    </message>
    <message>
        <source>The period has %1 days; a sheet or a report as PDF covers at most %2 days (a year of pages). Print a year at a time.</source>
        <translation>Der Zeitraum hat %1 Tage; ein Plan oder ein Bericht als PDF umfasst höchstens %2 Tage (ein Jahr an Seiten). Drucken Sie jeweils ein Jahr.</translation>
    </message>
    <message>
        <source>The period has %1 days; a report covers at most %2 days (5 years).</source>
        <translation>Der Zeitraum hat %1 Tage; ein Bericht umfasst höchstens %2 Tage (5 Jahre).</translation>
    </message>
</context>
<context>
    <name>Tandem::Reports</name>
    <message>
        <source>nobody on call</source>
        <translation>niemand in Bereitschaft</translation>
    </message>
    <message>
        <source>no one with production access</source>
        <translation>niemand mit Produktionszugang</translation>
    </message>
    <message>
        <source>no developer</source>
        <translation>kein Entwickler</translation>
    </message>
    <message>
        <source>developer and ops in different shifts</source>
        <translation>Entwickler und Ops in verschiedenen Schichten</translation>
    </message>
    <message>
        <source>%1 has no production access</source>
        <translation>%1 hat keinen Produktionszugang</translation>
    </message>
    <message>
        <source>not covered</source>
        <translation>nicht abgedeckt</translation>
    </message>
    <message>
        <source>no pair</source>
        <translation>kein Paar</translation>
    </message>
</context>
<context>
    <name>Tandem::ReportsDialog</name>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>&amp;Report on:</source>
        <translation>&amp;Bericht über:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Fairness per person</source>
        <translation>Fairness pro Person</translation>
    </message>
    <message>
        <source>F&amp;airness</source>
        <translation>F&amp;airness</translation>
    </message>
    <message>
        <source>Weekday rate:</source>
        <translation>Satz Werktag:</translation>
    </message>
    <message>
        <source>Weekend rate:</source>
        <translation>Satz Wochenende:</translation>
    </message>
    <message>
        <source>Holiday rate:</source>
        <translation>Satz Feiertag:</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Weekday h</source>
        <translation>Werktag h</translation>
    </message>
    <message>
        <source>Weekend h</source>
        <translation>Wochenende h</translation>
    </message>
    <message>
        <source>Holiday h</source>
        <translation>Feiertag h</translation>
    </message>
    <message>
        <source>Total h</source>
        <translation>Gesamt h</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>On-call hours per person and month</source>
        <translation>Bereitschaftsstunden pro Person und Monat</translation>
    </message>
    <message>
        <source>On-call &amp;hours</source>
        <translation>Bereitschafts&amp;stunden</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Coverage gaps</source>
        <translation>Lücken in der Abdeckung</translation>
    </message>
    <message>
        <source>When (your time)</source>
        <translation>Wann (Ihre Zeit)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Shift changes</source>
        <translation>Schichtänderungen</translation>
    </message>
    <message>
        <source>Time without a developer paired with production access:</source>
        <translation>Zeit ohne Entwickler im Paar mit Produktionszugang:</translation>
    </message>
    <message>
        <source>Who changed which shift, and when:</source>
        <translation>Wer welche Schicht wann geändert hat:</translation>
    </message>
    <message>
        <source>&amp;Coverage</source>
        <translation>Ab&amp;deckung</translation>
    </message>
    <message>
        <source>Export C&amp;SV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Als P&amp;DF exportieren…</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>%1: %2 % covered by a developer paired with production access (%3 of %4 hours)</source>
        <translation>%1: %2 % abgedeckt von einem Entwickler im Paar mit Produktionszugang (%3 von %4 Stunden)</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>No rotation in this scope.</source>
        <translation>Keine Rotation in diesem Bereich.</translation>
    </message>
    <message>
        <source>— gap —</source>
        <translation>— Lücke —</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Fairness</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <source>On-call hours</source>
        <translation>Bereitschaftsstunden</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Abdeckung</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n page(s).</source>
        <translation>
            <numerusform>%1 geschrieben: %n Seite.</numerusform>
            <numerusform>%1 geschrieben: %n Seiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ser&amp;vice coverage</source>
        <translation>Dienst-Abdeckun&amp;g</translation>
    </message>
    <message>
        <source>A service&apos;s coverage is exported as CSV only.</source>
        <translation>Die Abdeckung eines Dienstes wird nur als CSV exportiert.</translation>
    </message>
</context>
<context>
    <name>Tandem::Role</name>
    <message>
        <source>Ops engineer</source>
        <translation>Ops-Engineer</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
</context>
<context>
    <name>Tandem::RosterActions</name>
    <message>
        <source>Added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>Cannot Remove Person</source>
        <translation>Person kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation>%1 entfernen?</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n seat(s) in shifts from now on. Removing them leaves those seats empty, shown as coverage gaps to fill. Past shifts keep their name.</source>
        <translation>
            <numerusform>%1 hat ab jetzt %n Platz in Schichten. Beim Entfernen bleibt dieser Platz leer und wird als zu füllende Lücke angezeigt. Vergangene Schichten behalten den Namen.</numerusform>
            <numerusform>%1 hat ab jetzt %n Plätze in Schichten. Beim Entfernen bleiben diese Plätze leer und werden als zu füllende Lücken angezeigt. Vergangene Schichten behalten den Namen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed %1 (Undo brings them back)</source>
        <translation>%1 entfernt (Rückgängig holt die Person zurück)</translation>
    </message>
    <message>
        <source>Created team %1. Add its people with Edit ▸ Add Person.</source>
        <translation>Team %1 angelegt. Fügen Sie seine Personen mit Bearbeiten ▸ Person hinzufügen hinzu.</translation>
    </message>
</context>
<context>
    <name>Tandem::RosterEditor</name>
    <message>
        <source>Cannot %1: %2</source>
        <translation>%1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>%1 is no longer in the database.</source>
        <translation>%1 ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Add team %1</source>
        <translation>Team %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit team %1</source>
        <translation>Team %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add time off</source>
        <translation>Abwesenheit hinzufügen</translation>
    </message>
    <message>
        <source>Edit time off</source>
        <translation>Abwesenheit bearbeiten</translation>
    </message>
    <message>
        <source>Remove time off</source>
        <translation>Abwesenheit entfernen</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>Personalliste importieren</translation>
    </message>
    <message>
        <source>Import time off</source>
        <translation>Abwesenheiten importieren</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>Feiertage importieren</translation>
    </message>
</context>
<context>
    <name>Tandem::RosterModel</name>
    <message>
        <source>%1 has production access and can take the ops seat.</source>
        <translation>%1 hat Produktionszugang und kann den Ops-Platz übernehmen.</translation>
    </message>
    <message>
        <source>%1 has no production access.</source>
        <translation>%1 hat keinen Produktionszugang.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Prod access</source>
        <translation>Prod-Zugang</translation>
    </message>
    <message>
        <source>Senior</source>
        <translation>Senior</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
</context>
<context>
    <name>Tandem::RosterPage</name>
    <message>
        <source>Search name, e-mail, phone, zone… (Ctrl+F)</source>
        <translation>Name, E-Mail, Telefon, Zone suchen… (Strg+F)</translation>
    </message>
    <message>
        <source>Search the roster</source>
        <translation>Personalliste durchsuchen</translation>
    </message>
    <message>
        <source>Team filter</source>
        <translation>Teamfilter</translation>
    </message>
    <message>
        <source>Role filter</source>
        <translation>Rollenfilter</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Personalliste</translation>
    </message>
    <message>
        <source>Nobody to show. Add people with Edit ▸ Add Person… (Ctrl+N) or File ▸ Import Roster… (Ctrl+I), or clear the search and filters.</source>
        <translation>Niemand anzuzeigen. Fügen Sie Personen hinzu mit Bearbeiten ▸ Person hinzufügen… (Strg+N) oder Datei ▸ Personalliste importieren… (Strg+I), oder leeren Sie Suche und Filter.</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n Person</numerusform>
            <numerusform>%n Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n people</source>
        <translation>
            <numerusform>%1 von %n Person</numerusform>
            <numerusform>%1 von %n Personen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::RosterService</name>
    <message>
        <source>%1 is already the e-mail of %2.</source>
        <translation>%1 ist bereits die E-Mail-Adresse von %2.</translation>
    </message>
    <message>
        <source>The team %1 does not exist.</source>
        <translation>Das Team %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is no longer in the database.</source>
        <translation>%1 ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>That person is no longer in the database.</source>
        <translation>Diese Person ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>A shift vanished while removing %1.</source>
        <translation>Beim Entfernen von %1 ist eine Schicht verschwunden.</translation>
    </message>
    <message>
        <source>%1 has shifts and cannot be deleted; remove them from the roster instead.</source>
        <translation>%1 hat Schichten und kann nicht gelöscht werden; nehmen Sie die Person stattdessen aus der Personalliste.</translation>
    </message>
    <message>
        <source>There is already a team named %1.</source>
        <translation>Es gibt bereits ein Team namens %1.</translation>
    </message>
    <message>
        <source>The team %1 is no longer in the database.</source>
        <translation>Das Team %1 ist nicht mehr in der Datenbank.</translation>
    </message>
    <message numerus="yes">
        <source>%1 still has %n member(s); move them to another team first.</source>
        <translation>
            <numerusform>%1 hat noch %n Mitglied; verschieben Sie es zuerst in ein anderes Team.</numerusform>
            <numerusform>%1 hat noch %n Mitglieder; verschieben Sie sie zuerst in ein anderes Team.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 still has rotations and cannot be removed.</source>
        <translation>%1 hat noch Rotationen und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The person of this time off is not in the database.</source>
        <translation>Die Person dieser Abwesenheit ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>This time off is no longer in the database.</source>
        <translation>Diese Abwesenheit ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>The team of this holiday is not in the database.</source>
        <translation>Das Team dieses Feiertags ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>%1 already has a holiday on %2: %3.</source>
        <translation>%1 hat am %2 bereits einen Feiertag: %3.</translation>
    </message>
    <message>
        <source>Time zone is empty and no known team gives one; write an IANA name such as Europe/Berlin.</source>
        <translation>Die Zeitzone ist leer und kein bekanntes Team gibt eine vor; geben Sie einen IANA-Namen wie Europe/Berlin an.</translation>
    </message>
    <message numerus="yes">
        <source>The file has %n problem(s); nothing was imported. First: %1</source>
        <translation>
            <numerusform>Die Datei hat %n Problem; es wurde nichts importiert. Erstes: %1</numerusform>
            <numerusform>Die Datei hat %n Probleme; es wurde nichts importiert. Erstes: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The team %1 was created meanwhile (by another Tandem?); nothing was imported. Import the file again.</source>
        <translation>Das Team %1 wurde inzwischen angelegt (von einem anderen Tandem?); es wurde nichts importiert. Importieren Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>%1 was added to the roster meanwhile (by another Tandem?); nothing was imported. Import the file again.</source>
        <translation>%1 wurde inzwischen zur Personalliste hinzugefügt (von einem anderen Tandem?); es wurde nichts importiert. Importieren Sie die Datei erneut.</translation>
    </message>
    <message>
        <source>%1 was changed meanwhile (by another Tandem?); nothing was imported. Import the file again.</source>
        <translation>%1 wurde inzwischen geändert (von einem anderen Tandem?); es wurde nichts importiert. Importieren Sie die Datei erneut.</translation>
    </message>
</context>
<context>
    <name>Tandem::RotationDialog</name>
    <message>
        <source>%1 (1 member)</source>
        <translation>%1 (1 Mitglied)</translation>
    </message>
    <message>
        <source>%1 (%2 members)</source>
        <translation>%1 (%2 Mitglieder)</translation>
    </message>
    <message>
        <source>New Rotation</source>
        <translation>Neue Rotation</translation>
    </message>
    <message>
        <source>e.g. Payments on call</source>
        <translation>z. B. Payments-Bereitschaft</translation>
    </message>
    <message>
        <source>N&amp;ew Pool…</source>
        <translation>N&amp;euer Pool…</translation>
    </message>
    <message>
        <source>Shift length</source>
        <translation>Schichtlänge</translation>
    </message>
    <message>
        <source>Shift length unit</source>
        <translation>Einheit der Schichtlänge</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source>Handoff weekday</source>
        <translation>Übergabe-Wochentag</translation>
    </message>
    <message>
        <source>Handoff time</source>
        <translation>Übergabezeit</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>Active days</source>
        <translation>Aktive Tage</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <source>Ops &amp;pool:</source>
        <translation>Ops-&amp;Pool:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Shift &amp;length:</source>
        <translation>Schicht&amp;länge:</translation>
    </message>
    <message>
        <source>&amp;Handoff:</source>
        <translation>Über&amp;gabe:</translation>
    </message>
    <message>
        <source>Active &amp;days:</source>
        <translation>A&amp;ktive Tage:</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>&amp;Startdatum:</translation>
    </message>
    <message>
        <source>Automatic (by position)</source>
        <translation>Automatisch (nach Position)</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <source>Bluish green</source>
        <translation>Blaugrün</translation>
    </message>
    <message>
        <source>Reddish purple</source>
        <translation>Rötliches Violett</translation>
    </message>
    <message>
        <source>Sky blue</source>
        <translation>Himmelblau</translation>
    </message>
    <message>
        <source>Vermillion</source>
        <translation>Zinnoberrot</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>Gelb</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>Colo&amp;ur:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>Rotation Colour</source>
        <translation>Rotationsfarbe</translation>
    </message>
    <message>
        <source>Hard rules</source>
        <translation>Harte Regeln</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>One shift length</source>
        <translation>Eine Schichtlänge</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source>Never the same pair t&amp;wice in a row</source>
        <translation>Nie zweimal &amp;hintereinander dasselbe Paar</translation>
    </message>
    <message>
        <source>New developers</source>
        <translation>Neue Entwickler</translation>
    </message>
    <message>
        <source>Checked developers pair only with a senior ops engineer.</source>
        <translation>Ausgewählte Entwickler bilden nur mit einem Senior-Ops-Engineer ein Paar.</translation>
    </message>
    <message>
        <source>Minimum rest &amp;between shifts:</source>
        <translation>Mindestruhezeit &amp;zwischen Schichten:</translation>
    </message>
    <message>
        <source>Most shifts per person in &amp;4 weeks:</source>
        <translation>Höchstzahl Schichten pro Person in &amp;4 Wochen:</translation>
    </message>
    <message>
        <source>Rotations one ops engineer &amp;covers:</source>
        <translation>Rotationen, die ein Ops-Engineer ab&amp;deckt:</translation>
    </message>
    <message>
        <source>Swaps and covers need a lead&apos;s &amp;approval</source>
        <translation>Tausch und Vertretung brauchen die &amp;Genehmigung einer Teamleitung</translation>
    </message>
    <message>
        <source>When on, a swap or cover the colleagues agreed on waits for someone else on the roster to approve it.</source>
        <translation>Wenn aktiviert, wartet ein Tausch oder eine Vertretung, auf die sich die Kollegen geeinigt haben, auf die Genehmigung durch jemand anderen aus der Personalliste.</translation>
    </message>
    <message>
        <source>Forbidden pairs</source>
        <translation>Verbotene Paare</translation>
    </message>
    <message>
        <source>No forbidden pairs: anyone may pair with anyone.</source>
        <translation>Keine verbotenen Paare: Jeder darf mit jedem ein Paar bilden.</translation>
    </message>
    <message>
        <source>Developer of the forbidden pair</source>
        <translation>Entwickler des verbotenen Paars</translation>
    </message>
    <message>
        <source>Ops engineer of the forbidden pair</source>
        <translation>Ops-Engineer des verbotenen Paars</translation>
    </message>
    <message>
        <source>&amp;Forbid This Pair</source>
        <translation>Dieses Paar &amp;verbieten</translation>
    </message>
    <message>
        <source>&amp;Allow Again</source>
        <translation>&amp;Wieder erlauben</translation>
    </message>
    <message>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <source>Forbidden &amp;pairs:</source>
        <translation>Verbotene &amp;Paare:</translation>
    </message>
    <message>
        <source>New de&amp;velopers:</source>
        <translation>Neue E&amp;ntwickler:</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>Lastgewichte</translation>
    </message>
    <message>
        <source>Night hours start</source>
        <translation>Beginn der Nachtstunden</translation>
    </message>
    <message>
        <source>Night hours end</source>
        <translation>Ende der Nachtstunden</translation>
    </message>
    <message>
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Wee&amp;kend day:</source>
        <translation>Wochen&amp;endtag:</translation>
    </message>
    <message>
        <source>Public holida&amp;y:</source>
        <translation>Gesetzlicher &amp;Feiertag:</translation>
    </message>
    <message>
        <source>Nigh&amp;t hours:</source>
        <translation>&amp;Nachtstunden:</translation>
    </message>
    <message>
        <source>Re-planning</source>
        <translation>Neuplanung</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Published shifts starting within this many days never move.</source>
        <translation>Veröffentlichte Schichten, die innerhalb so vieler Tage beginnen, werden nie verschoben.</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>Past shifts count for fairness over this window.</source>
        <translation>Vergangene Schichten zählen für die Fairness über diesen Zeitraum.</translation>
    </message>
    <message>
        <source>&amp;Freeze window:</source>
        <translation>&amp;Sperrfrist:</translation>
    </message>
    <message>
        <source>Fairness &amp;looks back:</source>
        <translation>Fairness &amp;blickt zurück:</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation>&amp;Regeln</translation>
    </message>
    <message>
        <source>Pa&amp;iring</source>
        <translation>Paarb&amp;ildung</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 mit %2</translation>
    </message>
    <message>
        <source>Create an ops pool with “New Pool…” first.</source>
        <translation>Legen Sie zuerst einen Ops-Pool mit „Neuer Pool…“ an.</translation>
    </message>
    <message>
        <source>On&amp;boarding</source>
        <translation>Ein&amp;arbeitung</translation>
    </message>
    <message>
        <source>H&amp;ours</source>
        <translation>&amp;Zeiten</translation>
    </message>
    <message>
        <source>Hours: add a window, or choose “All the time”.</source>
        <translation>Zeiten: Fügen Sie ein Zeitfenster hinzu oder wählen Sie „Durchgehend“.</translation>
    </message>
</context>
<context>
    <name>Tandem::RotationEditor</name>
    <message>
        <source>Cannot redo or undo “%1”: %2</source>
        <translation>„%1“ kann nicht wiederhergestellt oder rückgängig gemacht werden: %2</translation>
    </message>
    <message>
        <source>Add rotation %1</source>
        <translation>Rotation %1 hinzufügen</translation>
    </message>
    <message>
        <source>The rotation %1 is no longer in the database.</source>
        <translation>Die Rotation %1 ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>Edit rotation %1</source>
        <translation>Rotation %1 bearbeiten</translation>
    </message>
    <message>
        <source>Add ops pool %1</source>
        <translation>Ops-Pool %1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>Tandem::RotationService</name>
    <message>
        <source>There is already a rotation named %1.</source>
        <translation>Es gibt bereits eine Rotation namens %1.</translation>
    </message>
    <message>
        <source>The team of the rotation is not in the database.</source>
        <translation>Das Team der Rotation ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The ops pool of the rotation is not in the database.</source>
        <translation>Der Ops-Pool der Rotation ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The ops pool %1 has no members; nobody could take the ops seat.</source>
        <translation>Der Ops-Pool %1 hat keine Mitglieder; niemand könnte den Ops-Platz übernehmen.</translation>
    </message>
    <message>
        <source>%1 is not a developer; only developers can be marked new.</source>
        <translation>%1 ist kein Entwickler; nur Entwickler können als neu markiert werden.</translation>
    </message>
    <message>
        <source>The rotation %1 is no longer in the database.</source>
        <translation>Die Rotation %1 ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>There is already an ops pool named %1.</source>
        <translation>Es gibt bereits einen Ops-Pool namens %1.</translation>
    </message>
    <message>
        <source>%1 has no production access; the ops seat needs it.</source>
        <translation>%1 hat keinen Produktionszugang; der Ops-Platz braucht ihn.</translation>
    </message>
    <message>
        <source>The ops pool %1 is no longer in the database.</source>
        <translation>Der Ops-Pool %1 ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>The ops pool %1 is used by %2; give those rotations another pool first.</source>
        <translation>Der Ops-Pool %1 wird von %2 verwendet; geben Sie diesen Rotationen zuerst einen anderen Pool.</translation>
    </message>
    <message>
        <source>%1 is not a developer; a forbidden pair names the developer first, then the ops engineer.</source>
        <translation>%1 ist kein Entwickler; ein verbotenes Paar nennt zuerst den Entwickler, dann den Ops-Engineer.</translation>
    </message>
    <message>
        <source>%1 has no production access and never takes the ops seat; a forbidden pair names the developer first, then the ops engineer.</source>
        <translation>%1 hat keinen Produktionszugang und übernimmt nie den Ops-Platz; ein verbotenes Paar nennt zuerst den Entwickler, dann den Ops-Engineer.</translation>
    </message>
    <message>
        <source>%1 is not a developer; only developers onboard by shadowing.</source>
        <translation>%1 ist kein Entwickler; nur Entwickler werden als Schatten eingearbeitet.</translation>
    </message>
</context>
<context>
    <name>Tandem::ScopeCombo</name>
    <message>
        <source>What to cover</source>
        <translation>Was abgedeckt werden soll</translation>
    </message>
    <message>
        <source>Team %1 (all its rotations)</source>
        <translation>Team %1 (alle seine Rotationen)</translation>
    </message>
</context>
<context>
    <name>Tandem::ServiceCatalog</name>
    <message>
        <source>Service name is empty.</source>
        <translation>Der Name des Dienstes ist leer.</translation>
    </message>
    <message>
        <source>A service name can have at most 200 characters, not %1.</source>
        <translation>Ein Dienstname darf höchstens 200 Zeichen haben, nicht %1.</translation>
    </message>
    <message>
        <source>A service name must be one line without control characters.</source>
        <translation>Ein Dienstname muss eine Zeile ohne Steuerzeichen sein.</translation>
    </message>
    <message>
        <source>A service can have at most %1 legs, not %2.</source>
        <translation>Ein Dienst kann höchstens %1 Etappen haben, nicht %2.</translation>
    </message>
    <message>
        <source>There is already a service named %1.</source>
        <translation>Es gibt schon einen Dienst namens %1.</translation>
    </message>
    <message>
        <source>The rotation %1 is not in the database.</source>
        <translation>Die Rotation %1 ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The rotation %1 was removed; it cannot cover a service.</source>
        <translation>Die Rotation %1 wurde entfernt; sie kann keinen Dienst abdecken.</translation>
    </message>
    <message>
        <source>Name the team of the service, or give it a leg.</source>
        <translation>Nennen Sie das Team des Dienstes oder geben Sie ihm eine Etappe.</translation>
    </message>
    <message>
        <source>The team of the service is not in the database.</source>
        <translation>Das Team des Dienstes ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>“%1” is not a known time zone (expected an IANA name such as Europe/Berlin).</source>
        <translation>„%1“ ist keine bekannte Zeitzone (erwartet wird ein IANA-Name wie Europe/Berlin).</translation>
    </message>
    <message>
        <source>There is already a service with id %1.</source>
        <translation>Es gibt schon einen Dienst mit der ID %1.</translation>
    </message>
    <message>
        <source>The service %1 is not in the database (removed meanwhile?).</source>
        <translation>Der Dienst %1 ist nicht in der Datenbank (inzwischen entfernt?).</translation>
    </message>
    <message>
        <source>The period is empty: it must end after it starts.</source>
        <translation>Der Zeitraum ist leer: er muss nach seinem Beginn enden.</translation>
    </message>
    <message>
        <source>A service&apos;s coverage covers at most %1 days, not %2.</source>
        <translation>Die Abdeckung eines Dienstes umfasst höchstens %1 Tage, nicht %2.</translation>
    </message>
    <message>
        <source>The service %1 is not in the database.</source>
        <translation>Der Dienst %1 ist nicht in der Datenbank.</translation>
    </message>
    <message>
        <source>The period is empty: the last day comes before the first.</source>
        <translation>Der Zeitraum ist leer: der letzte Tag liegt vor dem ersten.</translation>
    </message>
</context>
<context>
    <name>Tandem::ServiceCoverageWidget</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Holes and overlaps of the service</source>
        <translation>Lücken und Überschneidungen des Dienstes</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Etappen</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation>Die&amp;nst:</translation>
    </message>
    <message>
        <source>No service yet: add one with Rotations ▸ Services…</source>
        <translation>Noch kein Dienst: legen Sie einen unter Rotationen ▸ Dienste… an</translation>
    </message>
    <message>
        <source>%1 (%2): %3% covered by a pair; %4 minutes not covered, %5 minutes without a pair; %6 minutes of overlap between legs.</source>
        <translation>%1 (%2): %3 % von einem Paar abgedeckt; %4 Minuten nicht abgedeckt, %5 Minuten ohne Paar; %6 Minuten Überschneidung zwischen Etappen.</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>Überschneidung</translation>
    </message>
</context>
<context>
    <name>Tandem::ServiceRepository</name>
    <message>
        <source>There is no service with id %1.</source>
        <translation>Es gibt keinen Dienst mit der ID %1.</translation>
    </message>
</context>
<context>
    <name>Tandem::ServicesDialog</name>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>&amp;Services:</source>
        <translation>&amp;Dienste:</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Name des Dienstes</translation>
    </message>
    <message>
        <source>e.g. Payments production</source>
        <translation>z. B. Payments-Produktion</translation>
    </message>
    <message>
        <source>Time zone of the service</source>
        <translation>Zeitzone des Dienstes</translation>
    </message>
    <message>
        <source>Legs: the rotations that cover the service</source>
        <translation>Etappen: die Rotationen, die den Dienst abdecken</translation>
    </message>
    <message>
        <source>Check the rotations that cover the service, e.g. a Berlin rotation by day and a New York rotation by its day. Space checks the focused rotation.</source>
        <translation>Haken Sie die Rotationen an, die den Dienst abdecken, z. B. eine Berliner Rotation am Tag und eine New Yorker Rotation an ihrem Tag. Die Leertaste hakt die Rotation mit dem Fokus an.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>&amp;Legs:</source>
        <translation>&amp;Etappen:</translation>
    </message>
    <message>
        <source>Coverage:</source>
        <translation>Abdeckung:</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>Ne&amp;u</translation>
    </message>
    <message>
        <source>S&amp;ave</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Next 4 weeks: %1% covered by a pair; %2 minutes not covered, %3 minutes without a pair, %4 minutes of overlap between legs.</source>
        <translation>Nächste 4 Wochen: %1 % von einem Paar abgedeckt; %2 Minuten nicht abgedeckt, %3 Minuten ohne Paar, %4 Minuten Überschneidung zwischen Etappen.</translation>
    </message>
    <message>
        <source>Add service %1</source>
        <translation>Dienst %1 hinzufügen</translation>
    </message>
    <message>
        <source>The service was removed meanwhile.</source>
        <translation>Der Dienst wurde inzwischen entfernt.</translation>
    </message>
    <message>
        <source>Change service %1</source>
        <translation>Dienst %1 ändern</translation>
    </message>
    <message>
        <source>Remove service %1</source>
        <translation>Dienst %1 entfernen</translation>
    </message>
</context>
<context>
    <name>Tandem::ShareDialog</name>
    <message>
        <source>Share Team via CalDAV</source>
        <translation>Team über CalDAV teilen</translation>
    </message>
    <message>
        <source>Join a team shared on the server</source>
        <translation>Einem auf dem Server geteilten Team beitreten</translation>
    </message>
    <message>
        <source>Calendar on the server</source>
        <translation>Kalender auf dem Server</translation>
    </message>
    <message>
        <source>https://cloud.example.com/remote.php/dav/ or a calendar&apos;s address</source>
        <translation>https://cloud.example.com/remote.php/dav/ oder die Adresse eines Kalenders</translation>
    </message>
    <message>
        <source>&amp;Create the calendar if it does not exist</source>
        <translation>Den Kalender &amp;anlegen, wenn er nicht existiert</translation>
    </message>
    <message>
        <source>Allow plain &amp;HTTP to other machines</source>
        <translation>Unverschlüsseltes &amp;HTTP zu anderen Rechnern erlauben</translation>
    </message>
    <message>
        <source>Over plain HTTP your password and the rotations travel unencrypted: anyone on the network can read them. Use it only on a network you trust. (HTTP to this machine needs no option.)</source>
        <translation>Über unverschlüsseltes HTTP gehen Ihr Passwort und die Rotationen unverschlüsselt über das Netz: Jeder im Netzwerk kann sie lesen. Nutzen Sie es nur in einem Netzwerk, dem Sie vertrauen. (HTTP zu diesem Rechner braucht keine Option.)</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the keychain</source>
        <translation>Das Passwort im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Server or calendar &amp;URL:</source>
        <translation>Server- oder Kalender-&amp;URL:</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Shared through CalDAV</source>
        <translation>Über CalDAV geteilt</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>S&amp;top Sharing…</source>
        <translation>Teilen be&amp;enden…</translation>
    </message>
    <message>
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Beitreten</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Teilen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Calendar: %1
User: %2
Last sync: %3
Last status: %4
Waiting to send: %5
Conflicts: %6</source>
        <translation>Kalender: %1
Benutzer: %2
Letzte Synchronisation: %3
Letzter Status: %4
Wartet auf Versand: %5
Konflikte: %6</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Read-only: the server refuses this account&apos;s changes (HTTP 403).</source>
        <translation>Nur lesen: Der Server lehnt die Änderungen dieses Kontos ab (HTTP 403).</translation>
    </message>
    <message>
        <source>Give the address of the calendar or of the server.</source>
        <translation>Geben Sie die Adresse des Kalenders oder des Servers an.</translation>
    </message>
    <message>
        <source>User Name and Password in the Address</source>
        <translation>Benutzername und Passwort in der Adresse</translation>
    </message>
    <message>
        <source>The address holds the user name “%1”%2. Use them for this calendar? The address is kept without them; the password goes to the keychain only if “Remember the password” is on.</source>
        <translation>Die Adresse enthält den Benutzernamen „%1“%2. Für diesen Kalender verwenden? Die Adresse wird ohne sie gespeichert; das Passwort kommt nur in den Schlüsselbund, wenn „Das Passwort merken“ aktiviert ist.</translation>
    </message>
    <message>
        <source> and a password</source>
        <translation> und ein Passwort</translation>
    </message>
    <message>
        <source>Give the address without the user name and password, and them in the fields below.</source>
        <translation>Geben Sie die Adresse ohne Benutzername und Passwort an, und diese in den Feldern darunter.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Turn on “Create the calendar if it does not exist”.</source>
        <translation>Aktivieren Sie „Den Kalender anlegen, wenn er nicht existiert“.</translation>
    </message>
    <message>
        <source>Turn on “Allow plain HTTP to other machines” if this network is trusted.</source>
        <translation>Aktivieren Sie „Unverschlüsseltes HTTP zu anderen Rechnern erlauben“, wenn dieses Netzwerk vertrauenswürdig ist.</translation>
    </message>
    <message>
        <source>Could not connect: %1 %2</source>
        <translation>Verbindung fehlgeschlagen: %1 %2</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Beigetreten</translation>
    </message>
    <message>
        <source>Password Not Stored</source>
        <translation>Passwort nicht gespeichert</translation>
    </message>
    <message>
        <source>The team is shared, but the password could not be stored in the keychain: %1
Tandem asks for it again after a restart.</source>
        <translation>Das Team wird geteilt, aber das Passwort konnte nicht im Schlüsselbund gespeichert werden: %1
Tandem fragt nach einem Neustart erneut danach.</translation>
    </message>
    <message>
        <source>A Team of That Name</source>
        <translation>Ein Team mit diesem Namen</translation>
    </message>
    <message>
        <source>&amp;Link My Team</source>
        <translation>Mein Team &amp;verknüpfen</translation>
    </message>
    <message>
        <source>&amp;Rename Mine…</source>
        <translation>Meines &amp;umbenennen…</translation>
    </message>
    <message>
        <source>Rename Your Team</source>
        <translation>Ihr Team umbenennen</translation>
    </message>
    <message>
        <source>New name for your team (the shared one keeps its name):</source>
        <translation>Neuer Name für Ihr Team (das geteilte behält seinen Namen):</translation>
    </message>
    <message>
        <source>Nothing was joined.</source>
        <translation>Es wurde nichts beigetreten.</translation>
    </message>
    <message>
        <source>Stop Sharing</source>
        <translation>Teilen beenden</translation>
    </message>
    <message>
        <source>Stop sharing %1 through %2? The team stays here as it is, and nothing is deleted on the server.</source>
        <translation>Teilen von %1 über %2 beenden? Das Team bleibt hier, wie es ist, und auf dem Server wird nichts gelöscht.</translation>
    </message>
</context>
<context>
    <name>Tandem::ShiftAccessible</name>
    <message>
        <source>nobody in the developer seat</source>
        <translation>niemand auf dem Entwicklerplatz</translation>
    </message>
    <message>
        <source>nobody in the ops seat</source>
        <translation>niemand auf dem Ops-Platz</translation>
    </message>
    <message>
        <source>%1, %2, %3 and %4</source>
        <translation>%1, %2, %3 und %4</translation>
    </message>
    <message>
        <source>, conflict: %1</source>
        <translation>, Konflikt: %1</translation>
    </message>
    <message>
        <source>from %1 to %2 (%3)</source>
        <translation>von %1 bis %2 (%3)</translation>
    </message>
    <message>
        <source>developer: %1</source>
        <translation>Entwickler: %1</translation>
    </message>
    <message>
        <source>empty seat</source>
        <translation>leerer Platz</translation>
    </message>
    <message>
        <source>ops engineer: %1</source>
        <translation>Ops-Engineer: %1</translation>
    </message>
    <message>
        <source>handoff note: %1</source>
        <translation>Übergabenotiz: %1</translation>
    </message>
    <message>
        <source>highlighted</source>
        <translation>hervorgehoben</translation>
    </message>
    <message>
        <source>Return opens the details; the menu key swaps, assigns, clears, locks or moves the handoff.</source>
        <translation>Die Eingabetaste öffnet die Details; die Menütaste tauscht, teilt ein, leert, fixiert oder verschiebt die Übergabe.</translation>
    </message>
</context>
<context>
    <name>Tandem::ShiftEditor</name>
    <message>
        <source>Cannot redo or undo “%1”: %2</source>
        <translation>„%1“ kann nicht wiederhergestellt oder rückgängig gemacht werden: %2</translation>
    </message>
    <message>
        <source>Assign %1 to the developer seat</source>
        <translation>%1 auf den Entwicklerplatz setzen</translation>
    </message>
    <message>
        <source>Assign %1 to the ops seat</source>
        <translation>%1 auf den Ops-Platz setzen</translation>
    </message>
    <message>
        <source>Clear the developer seat</source>
        <translation>Den Entwicklerplatz leeren</translation>
    </message>
    <message>
        <source>Clear the ops seat</source>
        <translation>Den Ops-Platz leeren</translation>
    </message>
    <message>
        <source>Swap pairs</source>
        <translation>Paare tauschen</translation>
    </message>
    <message>
        <source>Swap developers</source>
        <translation>Entwickler tauschen</translation>
    </message>
    <message>
        <source>Swap ops</source>
        <translation>Ops tauschen</translation>
    </message>
    <message>
        <source>Move handoff</source>
        <translation>Übergabe verschieben</translation>
    </message>
    <message>
        <source>Mark shift planned</source>
        <translation>Schicht als geplant markieren</translation>
    </message>
    <message>
        <source>Publish shift</source>
        <translation>Schicht veröffentlichen</translation>
    </message>
    <message>
        <source>Lock shift</source>
        <translation>Schicht fixieren</translation>
    </message>
    <message>
        <source>Edit handoff note</source>
        <translation>Übergabenotiz bearbeiten</translation>
    </message>
    <message>
        <source>Edit bridge link</source>
        <translation>Bridge-Link bearbeiten</translation>
    </message>
    <message>
        <source>Clear shadow</source>
        <translation>Schatten entfernen</translation>
    </message>
    <message>
        <source>Let %1 shadow the shift</source>
        <translation>%1 die Schicht als Schatten begleiten lassen</translation>
    </message>
</context>
<context>
    <name>Tandem::ShiftRangeModel</name>
    <message>
        <source>No developer</source>
        <translation>Kein Entwickler</translation>
    </message>
    <message>
        <source>No ops engineer</source>
        <translation>Kein Ops-Engineer</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1:&lt;/b&gt; &lt;i&gt;gap: nobody&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1:&lt;/b&gt; &lt;i&gt;Lücke: niemand&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1:&lt;/b&gt; %2 &lt;small&gt;%3&lt;/small&gt;</source>
        <translation>&lt;b&gt;%1:&lt;/b&gt; %2 &lt;small&gt;%3&lt;/small&gt;</translation>
    </message>
    <message>
        <source>%1 – %2 %3</source>
        <translation>%1 – %2 %3</translation>
    </message>
    <message>
        <source>Removed rotation</source>
        <translation>Entfernte Rotation</translation>
    </message>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>Rotation zone: %1</source>
        <translation>Zone der Rotation: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Handoff note: %1</source>
        <translation>Übergabenotiz: %1</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>%1 + %2</source>
        <translation>%1 + %2</translation>
    </message>
    <message>
        <source>Shadow (onboarding, no production access)</source>
        <translation>Schatten (Einarbeitung, ohne Produktionszugang)</translation>
    </message>
    <message>
        <source>%1 + %2, %3 shadowing</source>
        <translation>%1 + %2, %3 als Schatten</translation>
    </message>
    <message>
        <source>No service with id %1</source>
        <translation>Kein Dienst mit der ID %1</translation>
    </message>
</context>
<context>
    <name>Tandem::ShiftService</name>
    <message>
        <source>That person already holds the other seat of this shift.</source>
        <translation>Diese Person hat bereits den anderen Platz dieser Schicht.</translation>
    </message>
    <message>
        <source>The new handoff time is not valid.</source>
        <translation>Die neue Übergabezeit ist ungültig.</translation>
    </message>
    <message>
        <source>A shift must last at least one hour.</source>
        <translation>Eine Schicht muss mindestens eine Stunde dauern.</translation>
    </message>
    <message>
        <source>The shift is no longer in the database.</source>
        <translation>Die Schicht ist nicht mehr in der Datenbank.</translation>
    </message>
    <message>
        <source>The bridge link must be an http or https address, such as https://meet.example.com/room.</source>
        <translation>Der Bridge-Link muss eine http- oder https-Adresse sein, etwa https://meet.example.com/room.</translation>
    </message>
    <message>
        <source>The shift was changed meanwhile.</source>
        <translation>Die Schicht wurde inzwischen geändert.</translation>
    </message>
    <message>
        <source>That person shadows this shift; a shadow takes no seat of the shift they shadow. Remove them as its shadow first.</source>
        <translation>Diese Person begleitet die Schicht als Schatten; ein Schatten übernimmt keinen Platz der Schicht, die er begleitet. Entfernen Sie sie zuerst als Schatten.</translation>
    </message>
    <message>
        <source>%1 runs only %2; a shift cannot reach outside those hours.</source>
        <translation>%1 läuft nur %2; eine Schicht kann nicht über diese Zeiten hinausreichen.</translation>
    </message>
</context>
<context>
    <name>Tandem::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Personalliste</translation>
    </message>
    <message>
        <source>Edit the cell</source>
        <translation>Die Zelle bearbeiten</translation>
    </message>
    <message>
        <source>F2, or start typing</source>
        <translation>F2 oder einfach lostippen</translation>
    </message>
    <message>
        <source>Edit the person in full</source>
        <translation>Die Person vollständig bearbeiten</translation>
    </message>
    <message>
        <source>Ctrl+Return, or double-click</source>
        <translation>Strg+Eingabe oder Doppelklick</translation>
    </message>
    <message>
        <source>Context menu</source>
        <translation>Kontextmenü</translation>
    </message>
    <message>
        <source>Menu key, Shift+F10</source>
        <translation>Menütaste, Umschalt+F10</translation>
    </message>
    <message>
        <source>Calendar: month</source>
        <translation>Kalender: Monat</translation>
    </message>
    <message>
        <source>Previous or next day, week</source>
        <translation>Vorheriger oder nächster Tag, Woche</translation>
    </message>
    <message>
        <source>Left, Right, Up, Down</source>
        <translation>Links, Rechts, Hoch, Runter</translation>
    </message>
    <message>
        <source>Previous or next shift of the day</source>
        <translation>Vorherige oder nächste Schicht des Tages</translation>
    </message>
    <message>
        <source>Ctrl+Up, Ctrl+Down</source>
        <translation>Strg+Hoch, Strg+Runter</translation>
    </message>
    <message>
        <source>Previous or next month</source>
        <translation>Vorheriger oder nächster Monat</translation>
    </message>
    <message>
        <source>Page Up, Page Down</source>
        <translation>Bild auf, Bild ab</translation>
    </message>
    <message>
        <source>Open the shift&apos;s details</source>
        <translation>Die Details der Schicht öffnen</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>The shift&apos;s menu: swap, assign, clear, lock, handoff…</source>
        <translation>Das Menü der Schicht: tauschen, einteilen, leeren, fixieren, Übergabe…</translation>
    </message>
    <message>
        <source>Calendar: timeline</source>
        <translation>Kalender: Zeitleiste</translation>
    </message>
    <message>
        <source>Previous or next shift of the rotation</source>
        <translation>Vorherige oder nächste Schicht der Rotation</translation>
    </message>
    <message>
        <source>Left, Right</source>
        <translation>Links, Rechts</translation>
    </message>
    <message>
        <source>The overlapping shift of the rotation above or below</source>
        <translation>Die überlappende Schicht der Rotation darüber oder darunter</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Hoch, Runter</translation>
    </message>
    <message>
        <source>Zoom in or out</source>
        <translation>Vergrößern oder verkleinern</translation>
    </message>
    <message>
        <source>+, −, Ctrl+wheel</source>
        <translation>+, −, Strg+Mausrad</translation>
    </message>
    <message>
        <source>Lists to pick from (Assign…, Swap Pair With…)</source>
        <translation>Auswahllisten (Einteilen…, Paar tauschen mit…)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>type</source>
        <translation>tippen</translation>
    </message>
    <message>
        <source>Move the highlighted row</source>
        <translation>Die hervorgehobene Zeile bewegen</translation>
    </message>
    <message>
        <source>Up, Down, Page Up, Page Down</source>
        <translation>Hoch, Runter, Bild auf, Bild ab</translation>
    </message>
    <message>
        <source>Pick the highlighted row</source>
        <translation>Die hervorgehobene Zeile wählen</translation>
    </message>
</context>
<context>
    <name>Tandem::Store</name>
    <message>
        <source>No such person: %1</source>
        <translation>Diese Person gibt es nicht: %1</translation>
    </message>
    <message>
        <source>No such ops pool: %1</source>
        <translation>Diesen Ops-Pool gibt es nicht: %1</translation>
    </message>
    <message>
        <source>A shift cannot last longer than %1 days.</source>
        <translation>Eine Schicht kann nicht länger als %1 Tage dauern.</translation>
    </message>
    <message>
        <source>No such rotation: %1</source>
        <translation>Diese Rotation gibt es nicht: %1</translation>
    </message>
    <message>
        <source>a team of that name already exists</source>
        <translation>ein Team mit diesem Namen existiert bereits</translation>
    </message>
    <message>
        <source>someone with that e-mail is already on the roster</source>
        <translation>jemand mit dieser E-Mail-Adresse steht bereits in der Personalliste</translation>
    </message>
    <message>
        <source>a rotation of that name already exists</source>
        <translation>eine Rotation mit diesem Namen existiert bereits</translation>
    </message>
    <message>
        <source>an ops pool of that name already exists</source>
        <translation>ein Ops-Pool mit diesem Namen existiert bereits</translation>
    </message>
    <message>
        <source>that shift already exists</source>
        <translation>diese Schicht existiert bereits</translation>
    </message>
    <message>
        <source>the team already has a holiday on that day</source>
        <translation>das Team hat an diesem Tag bereits einen Feiertag</translation>
    </message>
</context>
<context>
    <name>Tandem::SwapRequestRepository</name>
    <message>
        <source>The request is no longer there.</source>
        <translation>Die Anfrage ist nicht mehr vorhanden.</translation>
    </message>
</context>
<context>
    <name>Tandem::SwapService</name>
    <message>
        <source>Ask a colleague, not yourself.</source>
        <translation>Fragen Sie einen Kollegen, nicht sich selbst.</translation>
    </message>
    <message>
        <source>%1 holds no seat in that shift.</source>
        <translation>%1 hat keinen Platz in dieser Schicht.</translation>
    </message>
    <message>
        <source>That shift is over.</source>
        <translation>Diese Schicht ist vorbei.</translation>
    </message>
    <message>
        <source>A swap trades whole shifts; ask for cover of a part instead.</source>
        <translation>Ein Tausch tauscht ganze Schichten; bitten Sie stattdessen um Vertretung für einen Teil.</translation>
    </message>
    <message>
        <source>Pick another shift to swap with.</source>
        <translation>Wählen Sie eine andere Schicht zum Tauschen.</translation>
    </message>
    <message>
        <source>%1 does not hold the %2 of that shift.</source>
        <translation>%1 hat nicht den Platz „%2“ dieser Schicht.</translation>
    </message>
    <message>
        <source>The colleague&apos;s shift is over.</source>
        <translation>Die Schicht des Kollegen ist vorbei.</translation>
    </message>
    <message>
        <source>The part to cover must lie within the shift.</source>
        <translation>Der zu vertretende Teil muss innerhalb der Schicht liegen.</translation>
    </message>
    <message>
        <source>Each part of a shift must last at least one hour.</source>
        <translation>Jeder Teil einer Schicht muss mindestens eine Stunde dauern.</translation>
    </message>
    <message>
        <source>You already asked about this shift; cancel that request first.</source>
        <translation>Sie haben bereits zu dieser Schicht angefragt; ziehen Sie diese Anfrage zuerst zurück.</translation>
    </message>
    <message>
        <source>The requester no longer holds that seat; the request cannot apply.</source>
        <translation>Die anfragende Person hat diesen Platz nicht mehr; die Anfrage kann nicht wirksam werden.</translation>
    </message>
    <message>
        <source>The colleague no longer holds that seat; the request cannot apply.</source>
        <translation>Der Kollege hat diesen Platz nicht mehr; die Anfrage kann nicht wirksam werden.</translation>
    </message>
    <message>
        <source>The shift is locked; it cannot be split for cover.</source>
        <translation>Die Schicht ist fixiert; sie kann nicht für eine Vertretung geteilt werden.</translation>
    </message>
    <message>
        <source>There is no such request.</source>
        <translation>Diese Anfrage gibt es nicht.</translation>
    </message>
    <message>
        <source>Only the person who asked can cancel the request.</source>
        <translation>Nur die anfragende Person kann die Anfrage zurückziehen.</translation>
    </message>
    <message>
        <source>The request is %1; it can no longer be cancelled.</source>
        <translation>Die Anfrage ist %1; sie kann nicht mehr zurückgezogen werden.</translation>
    </message>
    <message>
        <source>Only an accepted request waits for a lead; this one is %1.</source>
        <translation>Nur eine angenommene Anfrage wartet auf eine Teamleitung; diese ist %1.</translation>
    </message>
    <message>
        <source>A lead other than the two colleagues must approve the request.</source>
        <translation>Eine Teamleitung, die keiner der beiden Kollegen ist, muss die Anfrage genehmigen.</translation>
    </message>
    <message>
        <source>Only the colleague who was asked can answer the request.</source>
        <translation>Nur der angefragte Kollege kann die Anfrage beantworten.</translation>
    </message>
    <message>
        <source>The request is %1; it can no longer be answered.</source>
        <translation>Die Anfrage ist %1; sie kann nicht mehr beantwortet werden.</translation>
    </message>
</context>
<context>
    <name>Tandem::SyncController</name>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Synced %1 · %2 received, %3 sent</source>
        <translation>Synchronisiert %1 · %2 empfangen, %3 gesendet</translation>
    </message>
    <message>
        <source>The server refuses your changes (HTTP 403): %1 is read-only here; your local changes are kept.</source>
        <translation>Der Server lehnt Ihre Änderungen ab (HTTP 403): %1 ist hier schreibgeschützt; Ihre lokalen Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>A connection is already being made.</source>
        <translation>Es wird bereits eine Verbindung hergestellt.</translation>
    </message>
</context>
<context>
    <name>Tandem::SyncEngine</name>
    <message>
        <source>a teammate via %1</source>
        <translation>ein Teammitglied über %1</translation>
    </message>
    <message>
        <source>This team is not connected to a CalDAV server.</source>
        <translation>Dieses Team ist mit keinem CalDAV-Server verbunden.</translation>
    </message>
    <message>
        <source>%1 Tandem tries again at the next sync.</source>
        <translation>%1 Tandem versucht es bei der nächsten Synchronisation erneut.</translation>
    </message>
    <message>
        <source>%1 (and %2 more like it) Tandem tries again at the next sync.</source>
        <translation>%1 (und %2 weitere dieser Art) Tandem versucht es bei der nächsten Synchronisation erneut.</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 empfangen</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>conflicts to resolve: %1</source>
        <translation>zu lösende Konflikte: %1</translation>
    </message>
    <message>
        <source>put back %1 of Tandem&apos;s resources the server lost</source>
        <translation>%1 Ressourcen von Tandem, die der Server verloren hatte, wiederhergestellt</translation>
    </message>
    <message>
        <source>put back what the server lost (%1)</source>
        <translation>wiederhergestellt, was der Server verloren hatte (%1)</translation>
    </message>
    <message>
        <source>read-only: the server refuses this account&apos;s changes</source>
        <translation>schreibgeschützt: Der Server lehnt die Änderungen dieses Kontos ab</translation>
    </message>
    <message>
        <source>Synced: %1.</source>
        <translation>Synchronisiert: %1.</translation>
    </message>
    <message>
        <source>Unknown error.</source>
        <translation>Unbekannter Fehler.</translation>
    </message>
    <message>
        <source>Sync failed: %1 Local changes are kept and go out at the next sync.</source>
        <translation>Synchronisation fehlgeschlagen: %1 Lokale Änderungen bleiben erhalten und werden bei der nächsten Synchronisation gesendet.</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server refuses changes from this account (HTTP 403): the team is read-only here. Local changes are kept.</source>
        <translation>Der Server lehnt Änderungen von diesem Konto ab (HTTP 403): Das Team ist hier schreibgeschützt. Lokale Änderungen bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>Tandem::SyncEngine::Run</name>
    <message>
        <source>Asking the server for changes</source>
        <translation>Frage den Server nach Änderungen</translation>
    </message>
    <message>
        <source>Reading changes from the server</source>
        <translation>Lese Änderungen vom Server</translation>
    </message>
    <message>
        <source>Applying changes from the server</source>
        <translation>Übernehme Änderungen vom Server</translation>
    </message>
    <message>
        <source>Sending changes to the server</source>
        <translation>Sende Änderungen an den Server</translation>
    </message>
</context>
<context>
    <name>Tandem::SyncFlagger</name>
    <message>
        <source>%1 added time off</source>
        <translation>%1 hat eine Abwesenheit hinzugefügt</translation>
    </message>
    <message>
        <source>%1 deleted the shift of %2: gap</source>
        <translation>%1 hat die Schicht von %2 gelöscht: Lücke</translation>
    </message>
    <message>
        <source>%1 moved the shift of %2: gap from %3 to %4</source>
        <translation>%1 hat die Schicht von %2 verschoben: Lücke von %3 bis %4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 moved the shift of %2 to %3–%4: it overlaps the shift of %5 (%6)</source>
        <translation>%1 hat die Schicht von %2 auf %3–%4 verschoben: Sie überschneidet sich mit der Schicht von %5 (%6)</translation>
    </message>
    <message>
        <source>%1 emptied the developer seat of the shift of %2: gap (%3)</source>
        <translation>%1 hat den Entwicklerplatz der Schicht von %2 geleert: Lücke (%3)</translation>
    </message>
    <message>
        <source>%1 emptied the ops seat of the shift of %2: gap (%3)</source>
        <translation>%1 hat den Ops-Platz der Schicht von %2 geleert: Lücke (%3)</translation>
    </message>
    <message>
        <source>%1 changed the shift of %2</source>
        <translation>%1 hat die Schicht von %2 geändert</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>Tandem::SyncFlagsDialog</name>
    <message>
        <source>Flagged Changes from the Server</source>
        <translation>Markierte Änderungen vom Server</translation>
    </message>
    <message>
        <source>Other clients changed these through the shared calendar. Tandem applied them (the server is the team&apos;s shared truth) but they break a rule: fix them in the calendar, or dismiss them once you have seen them.</source>
        <translation>Andere Programme haben diese über den geteilten Kalender geändert. Tandem hat sie übernommen (der Server ist der gemeinsame Stand des Teams), aber sie verletzen eine Regel: Korrigieren Sie sie im Kalender oder verwerfen Sie die Markierung, sobald Sie sie gesehen haben.</translation>
    </message>
    <message>
        <source>Flagged changes</source>
        <translation>Markierte Änderungen</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Take the selected flags off the list; the changes stay as they are.</source>
        <translation>Die ausgewählten Markierungen von der Liste nehmen; die Änderungen bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>%1 — found %2</source>
        <translation>%1 — gefunden %2</translation>
    </message>
    <message>
        <source>Nothing flagged.</source>
        <translation>Nichts markiert.</translation>
    </message>
    <message>
        <source>Could not dismiss: %1</source>
        <translation>Verwerfen nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>Dismissed %n flag(s).</source>
        <translation>
            <numerusform>%n Markierung verworfen.</numerusform>
            <numerusform>%n Markierungen verworfen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tandem::SyncService</name>
    <message>
        <source>Give the address of the calendar or the server, starting with https://.</source>
        <translation>Geben Sie die Adresse des Kalenders oder des Servers an, beginnend mit https://.</translation>
    </message>
    <message>
        <source>The address holds a user name and password (%1@…). Tandem keeps passwords only in the keychain: confirm to take them from the address, or give the address without them and the user name and password apart.</source>
        <translation>Die Adresse enthält Benutzername und Passwort (%1@…). Tandem bewahrt Passwörter nur im Schlüsselbund auf: Bestätigen Sie, dass sie aus der Adresse übernommen werden, oder geben Sie die Adresse ohne sie und Benutzername und Passwort getrennt an.</translation>
    </message>
    <message>
        <source>The address names the user “%1”, the user name given is “%2”: give one of them.</source>
        <translation>Die Adresse nennt den Benutzer „%1“, der angegebene Benutzername ist „%2“: Geben Sie nur einen an.</translation>
    </message>
    <message>
        <source>There is no such team.</source>
        <translation>Dieses Team gibt es nicht.</translation>
    </message>
    <message>
        <source>Looking at %1</source>
        <translation>Prüfe %1</translation>
    </message>
    <message>
        <source>Creating the calendar %1</source>
        <translation>Lege den Kalender %1 an</translation>
    </message>
    <message>
        <source>%1 could not be made a calendar: the server made something else there.</source>
        <translation>%1 konnte nicht zu einem Kalender gemacht werden: Der Server hat dort etwas anderes angelegt.</translation>
    </message>
    <message>
        <source>Discovering the calendars of %1</source>
        <translation>Suche die Kalender von %1</translation>
    </message>
    <message>
        <source>%1 is not a calendar, and finding the calendars there failed: %2</source>
        <translation>%1 ist kein Kalender, und die Suche nach Kalendern dort ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 is not a calendar (it is another kind of collection); Tandem creates a calendar only where nothing is. Give the address of a calendar, or a new one.</source>
        <translation>%1 ist kein Kalender (sondern eine andere Art von Sammlung); Tandem legt einen Kalender nur dort an, wo nichts ist. Geben Sie die Adresse eines Kalenders oder eines neuen an.</translation>
    </message>
    <message>
        <source>The server has no calendar for this user yet; Tandem can create one.</source>
        <translation>Der Server hat noch keinen Kalender für diesen Benutzer; Tandem kann einen anlegen.</translation>
    </message>
    <message>
        <source>%1 is not a calendar. Calendars there: %2. Give one of them, or let Tandem create one.</source>
        <translation>%1 ist kein Kalender. Kalender dort: %2. Geben Sie einen davon an oder lassen Sie Tandem einen anlegen.</translation>
    </message>
    <message>
        <source>Reading the team from the calendar</source>
        <translation>Lese das Team aus dem Kalender</translation>
    </message>
    <message>
        <source>This team is not shared through a CalDAV server.</source>
        <translation>Dieses Team wird nicht über einen CalDAV-Server geteilt.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server break a rule: %1.</source>
        <translation>
            <numerusform>%n Änderung vom Server verletzt eine Regel: %1.</numerusform>
            <numerusform>%n Änderungen vom Server verletzen eine Regel: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no time off offered as %1 (see the offers in the sync status).</source>
        <translation>Es gibt keine als %1 angebotene Abwesenheit (siehe die Angebote im Synchronisationsstatus).</translation>
    </message>
</context>
<context>
    <name>Tandem::SyncUi</name>
    <message>
        <source>S&amp;hare Team via CalDAV…</source>
        <translation>Team über CalDAV &amp;teilen…</translation>
    </message>
    <message>
        <source>S&amp;ync Now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Sync &amp;Conflicts…</source>
        <translation>Synchronisations&amp;konflikte…</translation>
    </message>
    <message>
        <source>&amp;Flagged Changes from the Server…</source>
        <translation>&amp;Markierte Änderungen vom Server…</translation>
    </message>
    <message>
        <source>&amp;Time Off from the Shared Calendar…</source>
        <translation>&amp;Abwesenheiten aus dem geteilten Kalender…</translation>
    </message>
    <message>
        <source>Open the conflicts (Rotations ▸ Sync Conflicts…)</source>
        <translation>Die Konflikte öffnen (Rotationen ▸ Synchronisationskonflikte…)</translation>
    </message>
    <message>
        <source>Changes from the server that break a rule (Rotations ▸ Flagged Changes from the Server…)</source>
        <translation>Änderungen vom Server, die eine Regel verletzen (Rotationen ▸ Markierte Änderungen vom Server…)</translation>
    </message>
    <message>
        <source>Time off other calendar apps put in the shared calendar, to import or dismiss</source>
        <translation>Abwesenheiten, die andere Kalenderprogramme in den geteilten Kalender eingetragen haben, zum Importieren oder Verwerfen</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Shared through CalDAV</source>
        <translation>Über CalDAV geteilt</translation>
    </message>
    <message>
        <source>Waiting to send: %1</source>
        <translation>Wartet auf Versand: %1</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>Markiert: %1</translation>
    </message>
    <message>
        <source>Time off offered: %1</source>
        <translation>Angebotene Abwesenheiten: %1</translation>
    </message>
    <message>
        <source>Certificate Refused</source>
        <translation>Zertifikat abgelehnt</translation>
    </message>
    <message>
        <source>Tandem did not connect to the server of %1: %2

Nothing was sent. If the server is yours, give it a certificate the system trusts (or add its authority to the system&apos;s trusted certificates), then sync again. Compare the fingerprint with the one your administrator gives you.</source>
        <translation>Tandem hat sich nicht mit dem Server von %1 verbunden: %2

Es wurde nichts gesendet. Wenn der Server Ihnen gehört, geben Sie ihm ein Zertifikat, dem das System vertraut (oder fügen Sie seine Zertifizierungsstelle zu den vertrauenswürdigen Zertifikaten des Systems hinzu), und synchronisieren Sie dann erneut. Vergleichen Sie den Fingerabdruck mit dem, den Ihnen Ihre Administration nennt.</translation>
    </message>
</context>
<context>
    <name>Tandem::TeamDialog</name>
    <message>
        <source>New Team</source>
        <translation>Neues Team</translation>
    </message>
    <message>
        <source>e.g. Payments</source>
        <translation>z. B. Payments</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Default time &amp;zone:</source>
        <translation>Standard-&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Rotations of the team hand off in this zone unless set otherwise.</source>
        <translation>Rotationen des Teams übergeben in dieser Zone, sofern nicht anders eingestellt.</translation>
    </message>
    <message>
        <source>Edit Team %1</source>
        <translation>Team %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>Tandem::TimeOffDialog</name>
    <message>
        <source>Time Off: %1</source>
        <translation>Abwesenheit: %1</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Time off of %1</source>
        <translation>Abwesenheiten von %1</translation>
    </message>
    <message>
        <source>No time off recorded. Add the first days below.</source>
        <translation>Keine Abwesenheiten erfasst. Fügen Sie unten die ersten Tage hinzu.</translation>
    </message>
    <message>
        <source>Holiday, conference, sick leave…</source>
        <translation>Urlaub, Konferenz, Krankheit…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save Changes</source>
        <translation>Änderungen &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To (included):</source>
        <translation>&amp;Bis (einschließlich):</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>Tandem::TimeOffOffersDialog</name>
    <message>
        <source>Time Off from the Shared Calendar</source>
        <translation>Abwesenheiten aus dem geteilten Kalender</translation>
    </message>
    <message>
        <source>Other calendar apps put these all-day events in the shared calendar, and they read as time off of people on the roster. Check the ones to import as time off (the planner and the rules then count them), or dismiss them.</source>
        <translation>Andere Kalenderprogramme haben diese ganztägigen Ereignisse in den geteilten Kalender eingetragen, und sie lesen sich als Abwesenheiten von Personen aus der Personalliste. Wählen Sie die aus, die als Abwesenheit importiert werden sollen (der Planer und die Regeln berücksichtigen sie dann), oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>Time off offered</source>
        <translation>Angebotene Abwesenheiten</translation>
    </message>
    <message>
        <source>&amp;Import Checked</source>
        <translation>Ausgewählte &amp;importieren</translation>
    </message>
    <message>
        <source>&amp;Dismiss Checked</source>
        <translation>Ausgewählte &amp;verwerfen</translation>
    </message>
    <message>
        <source>someone on the roster</source>
        <translation>jemand aus der Personalliste</translation>
    </message>
    <message>
        <source>%1: %2 to %3 (“%4”)</source>
        <translation>%1: %2 bis %3 („%4“)</translation>
    </message>
    <message>
        <source>No time off is offered.</source>
        <translation>Es werden keine Abwesenheiten angeboten.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n offer(s) as time off; they go to the server at the next sync.</source>
        <translation>
            <numerusform>%n Angebot als Abwesenheit importiert; es wird bei der nächsten Synchronisation auf den Server übertragen.</numerusform>
            <numerusform>%n Angebote als Abwesenheit importiert; sie werden bei der nächsten Synchronisation auf den Server übertragen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dismissed %n offer(s).</source>
        <translation>
            <numerusform>%n Angebot verworfen.</numerusform>
            <numerusform>%n Angebote verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Nicht erledigt: %1</translation>
    </message>
</context>
<context>
    <name>Tandem::TimeZoneCombo</name>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
</context>
<context>
    <name>Tandem::TimelineAccessible</name>
    <message>
        <source>Timeline, %1 to %2</source>
        <translation>Zeitleiste, %1 bis %2</translation>
    </message>
    <message>
        <source>Left and Right move between the shifts of a rotation, Up and Down between rotations, Return opens a shift, the menu key acts on it, plus and minus zoom.</source>
        <translation>Links und Rechts wechseln zwischen den Schichten einer Rotation, Hoch und Runter zwischen den Rotationen, die Eingabetaste öffnet eine Schicht, die Menütaste bietet Aktionen dafür an, Plus und Minus zoomen.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 is not held by a pair in these days: %2.</source>
        <translation>%1 ist an diesen Tagen nicht von einem Paar besetzt: %2.</translation>
    </message>
</context>
<context>
    <name>Tandem::TimelineView</name>
    <message>
        <source>Developer</source>
        <translation>Entwickler</translation>
    </message>
    <message>
        <source>Ops</source>
        <translation>Ops</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>on leave: %1</source>
        <translation>abwesend: %1</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>no shift planned</source>
        <translation>keine Schicht geplant</translation>
    </message>
    <message>
        <source>No shifts in these days</source>
        <translation>Keine Schichten in diesen Tagen</translation>
    </message>
    <message>
        <source>%1: no shift planned from %2 to %3, nobody on call. Rotations ▸ Plan… fills it.</source>
        <translation>%1: keine Schicht geplant von %2 bis %3, niemand in Bereitschaft. Rotationen ▸ Planen… füllt die Lücke.</translation>
    </message>
    <message>
        <source>%1, %2 shadowing</source>
        <translation>%1, %2 als Schatten</translation>
    </message>
    <message numerus="yes">
        <source>%1: no leg holds the service from %2 to %3 (%n minute(s)), nobody on call.</source>
        <translation>
            <numerusform>%1: Keine Etappe hält den Dienst von %2 bis %3 (%n Minute), niemand hat Bereitschaft.</numerusform>
            <numerusform>%1: Keine Etappe hält den Dienst von %2 bis %3 (%n Minuten), niemand hat Bereitschaft.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: no complete pair holds the service from %2 to %3 (%n minute(s)).</source>
        <translation>
            <numerusform>%1: Kein vollständiges Paar hält den Dienst von %2 bis %3 (%n Minute).</numerusform>
            <numerusform>%1: Kein vollständiges Paar hält den Dienst von %2 bis %3 (%n Minuten).</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ uncovered</source>
        <translation>⚠ nicht abgedeckt</translation>
    </message>
    <message>
        <source>⚠ no pair</source>
        <translation>⚠ kein Paar</translation>
    </message>
</context>
<context>
    <name>Tandem::TransferActions</name>
    <message>
        <source>Import Roster</source>
        <translation>Personalliste importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot Import Roster</source>
        <translation>Personalliste kann nicht importiert werden</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Import abgebrochen; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation>%1 importiert: %2 hinzugefügt, %3 aktualisiert, %4 unverändert, %5 übersprungen.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Roster Imported</source>
        <translation>Personalliste importiert</translation>
    </message>
    <message>
        <source>%1 was imported. Some values were stored as their current names:</source>
        <translation>%1 wurde importiert. Einige Werte wurden unter ihrem aktuellen Namen gespeichert:</translation>
    </message>
    <message>
        <source>Export Roster</source>
        <translation>Personalliste exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot Export Roster</source>
        <translation>Personalliste kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Exported the roster to %1</source>
        <translation>Personalliste nach %1 exportiert</translation>
    </message>
    <message>
        <source>Cannot Export iCalendar</source>
        <translation>iCalendar kann nicht exportiert werden</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>Rotation: %1</source>
        <translation>Rotation: %1</translation>
    </message>
    <message>
        <source>Person: %1</source>
        <translation>Person: %1</translation>
    </message>
    <message>
        <source>There is no team, rotation or person to export yet.</source>
        <translation>Es gibt noch kein Team, keine Rotation und keine Person zum Exportieren.</translation>
    </message>
    <message>
        <source>Export iCalendar</source>
        <translation>iCalendar exportieren</translation>
    </message>
    <message>
        <source>Shifts of the next 365 days (teams and people with their time off):</source>
        <translation>Schichten der nächsten 365 Tage (Teams und Personen mit ihren Abwesenheiten):</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>%1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Cannot Import Time Off</source>
        <translation>Abwesenheiten können nicht importiert werden</translation>
    </message>
    <message>
        <source>Select the person in the roster whose time off it is.</source>
        <translation>Wählen Sie in der Personalliste die Person, deren Abwesenheiten es sind.</translation>
    </message>
    <message>
        <source>Import Time Off of %1</source>
        <translation>Abwesenheiten von %1 importieren</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar-Dateien (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Es wurde nichts importiert. %1</translation>
    </message>
    <message>
        <source>Imported time off of %1: %2 new, %3 already there</source>
        <translation>Abwesenheiten von %1 importiert: %2 neu, %3 bereits vorhanden</translation>
    </message>
    <message>
        <source>Cannot Import Holidays</source>
        <translation>Feiertage können nicht importiert werden</translation>
    </message>
    <message>
        <source>Create a team first.</source>
        <translation>Legen Sie zuerst ein Team an.</translation>
    </message>
    <message>
        <source>Import Holidays</source>
        <translation>Feiertage importieren</translation>
    </message>
    <message>
        <source>Public holidays of the team:</source>
        <translation>Gesetzliche Feiertage des Teams:</translation>
    </message>
    <message>
        <source>Import Holidays of %1</source>
        <translation>Feiertage von %1 importieren</translation>
    </message>
    <message>
        <source>Imported holidays of %1: %2 new, %3 already there</source>
        <translation>Feiertage von %1 importiert: %2 neu, %3 bereits vorhanden</translation>
    </message>
    <message>
        <source>Cannot Import History</source>
        <translation>Verlauf kann nicht importiert werden</translation>
    </message>
    <message>
        <source>Create the rotation first (Rotations ▸ New Rotation…).</source>
        <translation>Legen Sie zuerst die Rotation an (Rotationen ▸ Neue Rotation…).</translation>
    </message>
    <message>
        <source>Import on-call history into %1</source>
        <translation>Bereitschaftsverlauf in %1 importieren</translation>
    </message>
    <message>
        <source>Imported on-call history into %1: %2 new past shift(s), %3 seat(s) filled.</source>
        <translation>Bereitschaftsverlauf in %1 importiert: %2 neue vergangene Schicht(en), %3 Platz/Plätze besetzt.</translation>
    </message>
</context>
<context>
    <name>Tandem::Validation</name>
    <message>
        <source>The weekend weight</source>
        <translation>Das Wochenendgewicht</translation>
    </message>
    <message>
        <source>The holiday weight</source>
        <translation>Das Feiertagsgewicht</translation>
    </message>
    <message>
        <source>The night weight</source>
        <translation>Das Nachtgewicht</translation>
    </message>
</context>
<context>
    <name>Tandem::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Welcome to Tandem&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Willkommen bei Tandem&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Every on-call shift in Tandem is a pair: a developer who knows the code and an operations engineer with production access. Start by putting your people on the roster.</source>
        <translation>Jede Bereitschaftsschicht in Tandem ist ein Paar: ein Entwickler, der den Code kennt, und ein Ops-Engineer mit Produktionszugang. Tragen Sie zuerst Ihre Leute in die Personalliste ein.</translation>
    </message>
    <message>
        <source>Create a team</source>
        <translation>Ein Team anlegen</translation>
    </message>
    <message>
        <source>Name the team, then add its people one by one.</source>
        <translation>Geben Sie dem Team einen Namen und fügen Sie dann seine Personen einzeln hinzu.</translation>
    </message>
    <message>
        <source>Import a roster from CSV</source>
        <translation>Eine Personalliste aus CSV importieren</translation>
    </message>
    <message>
        <source>A file with the columns name, email, role, team, timezone, phone, capacity, production_access.</source>
        <translation>Eine Datei mit den Spalten name, email, role, team, timezone, phone, capacity, production_access.</translation>
    </message>
    <message>
        <source>Open the demo team</source>
        <translation>Das Demo-Team öffnen</translation>
    </message>
    <message>
        <source>Three teams on two continents, in a database of its own.</source>
        <translation>Drei Teams auf zwei Kontinenten, in einer eigenen Datenbank.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--show: “%1” is not a page (home, roster or calendar)</source>
        <translation>--show: „%1“ ist keine Seite (home, roster oder calendar)</translation>
    </message>
    <message>
        <source>--db: the PATH is empty; give the database file</source>
        <translation>--db: PATH ist leer; geben Sie die Datenbankdatei an</translation>
    </message>
</context>
</TS>
