#include "ical/icalcodec.h"

#include "domain/serialize.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

/// Content lines as a reader sees them: CRLF and folding undone.
QByteArray unfold(QByteArray text)
{
    text.replace("\r\n", "\n");
    text.replace("\n ", "");
    text.replace("\n\t", "");
    return text;
}

QList<QByteArray> linesStartingWith(const QByteArray &text, const QByteArray &prefix)
{
    QList<QByteArray> out;
    const QList<QByteArray> lines = unfold(text).split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(prefix)) {
            out.append(line);
        }
    }
    return out;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class IcalCodecTest : public QObject
{
    Q_OBJECT

private:
    IcalDirectory m_directory;
    Person m_alice;
    Person m_bob;
    Rotation m_berlin;
    Rotation m_newYork;

    Shift shift(const Rotation &rotation, const QDateTime &start, qint64 hours) const
    {
        Shift s;
        s.id = ShiftId::create();
        s.rotationId = rotation.id;
        s.start = start.toUTC();
        s.end = start.addSecs(hours * 3600).toUTC();
        s.dev = m_alice.id;
        s.ops = m_bob.id;
        return s;
    }

    static QByteArray encodeShift(const Shift &s, const IcalDirectory &directory, const QByteArray &previous = {},
                                  const IcalOptions &options = {})
    {
        return encodeResource(ResourceData{ResourceKind::Shift, s.id.toString(), toJson(s)}, directory, previous,
                              options);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_alice.id = PersonId::create();
        m_alice.name = u"Alice Jäger"_s;
        m_alice.email = u"alice@example.com"_s;
        m_alice.phone = u"+49 30 1234"_s;
        m_alice.chat = u"@alice"_s;
        m_bob.id = PersonId::create();
        m_bob.name = u"Bob Ops"_s;
        m_bob.email = u"bob@example.com"_s;
        m_bob.role = Role::Operations;
        m_bob.phone = u"+1 212 555 0100"_s;
        m_bob.chat = u"@bob"_s;
        m_berlin.id = RotationId::create();
        m_berlin.name = u"Payments on call"_s;
        m_berlin.timeZone = u"Europe/Berlin"_s;
        m_newYork.id = RotationId::create();
        m_newYork.name = u"Search on call"_s;
        m_newYork.timeZone = u"America/New_York"_s;
        m_directory.people = {{m_alice.id, m_alice}, {m_bob.id, m_bob}};
        m_directory.rotations = {{m_berlin.id, m_berlin}, {m_newYork.id, m_newYork}};
    }

    void shiftRoundTrip_data()
    {
        QTest::addColumn<bool>("newYork");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<int>("hours");
        QTest::addColumn<bool>("noDev");
        QTest::addColumn<bool>("noOps");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("bridge");
        QTest::addColumn<int>("state");
        QTest::addColumn<QByteArray>("dtstart");

        const QTimeZone berlin("Europe/Berlin");
        const QTimeZone newYork("America/New_York");
        QTest::newRow("weekly, both seats")
            << false << QDateTime(QDate(2026, 3, 16), QTime(9, 0), berlin) << 168 << false << false << QString()
            << QString() << int(ShiftState::Planned) << QByteArray("DTSTART;TZID=Europe/Berlin:20260316T090000");
        // 167 h: the week in which Berlin moves to summer time.
        QTest::newRow("over the DST switch")
            << false << QDateTime(QDate(2026, 3, 23), QTime(9, 0), berlin) << 167 << false << false << QString()
            << QString() << int(ShiftState::Published) << QByteArray("DTSTART;TZID=Europe/Berlin:20260323T090000");
        QTest::newRow("New York, dev gap")
            << true << QDateTime(QDate(2026, 11, 1), QTime(0, 30), newYork) << 24 << true << false << QString()
            << QString() << int(ShiftState::Locked) << QByteArray("DTSTART;TZID=America/New_York:20261101T003000");
        QTest::newRow("ops gap, escaping")
            << false << QDateTime(QDate(2026, 7, 6), QTime(9, 0), berlin) << 12 << false << true
            << u"Watch the queue, then; restart \\ the pods\nSecond line: ünïcødé ✓ \"quoted\""_s
            << u"https://meet.example.com/room?a=1;b=2,c"_s << int(ShiftState::Published)
            << QByteArray("DTSTART;TZID=Europe/Berlin:20260706T090000");
    }

    void shiftRoundTrip()
    {
        QFETCH(bool, newYork);
        QFETCH(QDateTime, start);
        QFETCH(int, hours);
        QFETCH(bool, noDev);
        QFETCH(bool, noOps);
        QFETCH(QString, note);
        QFETCH(QString, bridge);
        QFETCH(int, state);
        QFETCH(QByteArray, dtstart);

        Shift s = shift(newYork ? m_newYork : m_berlin, start, hours);
        if (noDev) {
            s.dev = {};
        }
        if (noOps) {
            s.ops = {};
        }
        s.note = note;
        s.bridgeUrl = bridge;
        s.state = ShiftState(state);
        s.sequence = 7;
        const QByteArray text = encodeShift(s, m_directory);
        const QByteArray lines = unfold(text);

        QVERIFY2(lines.contains("\n" + dtstart + "\n"), text.constData());
        QVERIFY(lines.contains("\nUID:" + s.id.toString().toLatin1() + "\n"));
        QVERIFY(lines.contains("\nSEQUENCE:7\n"));
        QCOMPARE(linesStartingWith(text, "BEGIN:VTIMEZONE").size(), 1);
        QVERIFY(lines.contains(newYork ? "\nTZID:America/New_York\n" : "\nTZID:Europe/Berlin\n"));
        QVERIFY(lines.contains("\nX-TANDEM-KIND:shift\n"));
        const QByteArray categories = linesStartingWith(text, "CATEGORIES").value(0);
        QVERIFY2(categories.contains("On call") && categories.contains(newYork ? "Search on call" : "Payments on call"),
                 categories.constData());

        const QString summary = QString::fromUtf8(linesStartingWith(text, "SUMMARY:").value(0).mid(8));
        const QString dev = noDev ? u"(no dev)"_s : u"Alice Jäger (dev)"_s;
        const QString ops = noOps ? u"(no ops)"_s : u"Bob Ops (ops)"_s;
        QCOMPARE(summary, u"On call: %1 + %2"_s.arg(dev, ops));
        const QByteArray description = linesStartingWith(text, "DESCRIPTION:").value(0);
        if (!noDev) {
            QVERIFY2(description.contains("+49 30 1234") && description.contains("@alice") &&
                         description.contains("alice@example.com"),
                     description.constData());
        }
        if (!noOps) {
            QVERIFY(description.contains("+1 212 555 0100") && description.contains("bob@example.com"));
        }
        if (!bridge.isEmpty()) {
            QVERIFY(description.contains("https://meet.example.com/room?a=1"));
        }

        const auto decoded = decodeResource(text);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->kind, ResourceKind::Shift);
        QCOMPARE(decoded->uid, s.id.toString());
        QCOMPARE(compact(decoded->data), compact(toJson(s)));
    }

    void timeOffRoundTrip()
    {
        TimeOff t;
        t.id = TimeOffId::create();
        t.personId = m_alice.id;
        t.from = QDate(2026, 4, 1);
        t.to = QDate(2026, 4, 3);
        t.reason = u"Ski, Alps; back Monday\nü"_s;
        const QByteArray text =
            encodeResource(ResourceData{ResourceKind::TimeOff, t.id.toString(), toJson(t)}, m_directory);
        const QByteArray lines = unfold(text);
        // DTEND is exclusive in iCalendar; TimeOff.to is the last day off.
        QVERIFY2(lines.contains("\nDTSTART;VALUE=DATE:20260401\n"), text.constData());
        QVERIFY(lines.contains("\nDTEND;VALUE=DATE:20260404\n"));
        QVERIFY(lines.contains("\nSUMMARY:Time off: Alice Jäger\n"));
        QVERIFY(lines.contains("\nX-TANDEM-PERSON:" + m_alice.id.toString().toLatin1() + "\n"));
        const auto decoded = decodeResource(text);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->kind, ResourceKind::TimeOff);
        QCOMPARE(compact(decoded->data), compact(toJson(t)));
    }

    void journalRoundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QJsonObject>("data");
        QJsonObject roster{
            {u"team"_s, u"Payments, Berlin; \"core\""_s},
            {u"people"_s, QJsonArray{QJsonObject{{u"name"_s, u"Zoë Ñúñez\nline two\\"_s}, {u"capacity"_s, 0.8}}}},
            {u"rules"_s, QJsonObject{{u"freeze_days"_s, 14}, {u"emoji"_s, u"🚨,;:"_s}}}};
        QTest::newRow("roster") << int(ResourceKind::Roster) << roster;
        QTest::newRow("request") << int(ResourceKind::Request)
                                 << QJsonObject{{u"type"_s, u"swap"_s},
                                                {u"message"_s, u"Can you take\nmy; week, 日本?"_s}};
    }

    void journalRoundTrip()
    {
        QFETCH(int, kind);
        QFETCH(QJsonObject, data);
        const QString uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QByteArray text = encodeResource(ResourceData{ResourceKind(kind), uid, data}, m_directory);
        QVERIFY2(unfold(text).contains("\nBEGIN:VJOURNAL\n"), text.constData());
        QVERIFY(!unfold(text).contains("BEGIN:VEVENT"));
        const auto decoded = decodeResource(text);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->kind, ResourceKind(kind));
        QCOMPARE(decoded->uid, uid);
        QCOMPARE(compact(decoded->data), compact(data));
    }

    void foreignPropertiesKept()
    {
        Shift s = shift(m_berlin, QDateTime(QDate(2026, 3, 16), QTime(9, 0), QTimeZone("Europe/Berlin")), 168);
        QByteArray server = encodeShift(s, m_directory);
        // Another client adds its own things to the event on the server.
        const QByteArray extra = "LOCATION:War room 3\r\n"
                                 "COLOR:tomato\r\n"
                                 "X-OTHER-CLIENT:keep me\r\n"
                                 "BEGIN:VALARM\r\n"
                                 "ACTION:DISPLAY\r\n"
                                 "DESCRIPTION:Shift starts\r\n"
                                 "TRIGGER:-PT15M\r\n"
                                 "END:VALARM\r\n";
        server.replace("END:VEVENT", extra + "END:VEVENT");
        QVERIFY(decodeResource(server).ok());

        s.ops = {};
        s.sequence = 1;
        const QByteArray text = encodeShift(s, m_directory, server);
        const QByteArray lines = unfold(text);
        QVERIFY2(lines.contains("\nX-OTHER-CLIENT:keep me\n"), text.constData());
        QVERIFY(lines.contains("\nLOCATION:War room 3\n"));
        QVERIFY(lines.contains("\nCOLOR:tomato\n"));
        QVERIFY(lines.contains("\nBEGIN:VALARM\n"));
        QVERIFY(lines.contains("\nTRIGGER:-PT15M\n"));
        QVERIFY(lines.contains("(no ops)"));
        // The old X-TANDEM-OPS is gone, not left beside an empty seat.
        QVERIFY(!lines.contains("X-TANDEM-OPS"));
        QCOMPARE(linesStartingWith(text, "BEGIN:VEVENT").size(), 1);
        const auto decoded = decodeResource(text);
        QVERIFY(decoded.ok());
        QCOMPARE(compact(decoded->data), compact(toJson(s)));
    }

    void movedTimesWin()
    {
        Shift s = shift(m_berlin, QDateTime(QDate(2026, 3, 16), QTime(9, 0), QTimeZone("Europe/Berlin")), 168);
        QByteArray text = unfold(encodeShift(s, m_directory));
        // A calendar app moves the handoff to 11:00 and the end a day later.
        text.replace("DTSTART;TZID=Europe/Berlin:20260316T090000", "DTSTART;TZID=Europe/Berlin:20260316T110000");
        text.replace("DTEND;TZID=Europe/Berlin:20260323T090000", "DTEND;TZID=Europe/Berlin:20260324T090000");
        const auto decoded = decodeResource(text);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->data.value(u"start"_s).toString(), u"2026-03-16T10:00:00Z"_s);
        QCOMPARE(decoded->data.value(u"end"_s).toString(), u"2026-03-24T08:00:00Z"_s);
        QCOMPARE(decoded->data.value(u"dev"_s).toString(), m_alice.id.toString());
    }

    void attendeesOnlyWithOption()
    {
        Shift s = shift(m_berlin, QDateTime(QDate(2026, 3, 16), QTime(9, 0), QTimeZone("Europe/Berlin")), 168);
        const QByteArray plain = encodeShift(s, m_directory);
        QVERIFY(linesStartingWith(plain, "ATTENDEE").isEmpty());

        const QByteArray with = encodeShift(s, m_directory, {}, IcalOptions{true});
        const QList<QByteArray> attendees = linesStartingWith(with, "ATTENDEE");
        QCOMPARE(attendees.size(), 2);
        for (const QByteArray &line : attendees) {
            QVERIFY2(line.contains(";SCHEDULE-AGENT=CLIENT"), line.constData());
        }
        QVERIFY(unfold(with).contains("mailto:alice@example.com"));
        QVERIFY(unfold(with).contains("mailto:bob@example.com"));
        // Folding stays within 75 octets after the parameter is added.
        for (const QByteArray &line : with.split('\n')) {
            QVERIFY2(line.size() <= 76, line.constData());
        }
        QVERIFY(decodeResource(with).ok());
        // Turning the option off takes Tandem's attendees away again.
        const QByteArray off = encodeShift(s, m_directory, with);
        QVERIFY(linesStartingWith(off, "ATTENDEE").isEmpty());
    }

    void foreignEvents()
    {
        const QByteArray timed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
                                 "BEGIN:VEVENT\r\nUID:abc@other\r\nDTSTAMP:20260101T000000Z\r\n"
                                 "DTSTART;TZID=Europe/Berlin:20260316T100000\r\n"
                                 "DTEND;TZID=Europe/Berlin:20260316T113000\r\n"
                                 "SUMMARY:Dentist\\, finally\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        auto decoded = decodeResource(timed);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->kind, ResourceKind::Foreign);
        QCOMPARE(decoded->uid, u"abc@other"_s);
        QCOMPARE(compact(decoded->data), compact(QJsonObject{{u"summary"_s, u"Dentist, finally"_s},
                                                             {u"start"_s, u"2026-03-16T09:00:00Z"_s},
                                                             {u"end"_s, u"2026-03-16T10:30:00Z"_s},
                                                             {u"allDay"_s, false},
                                                             {u"organizer"_s, QString()},
                                                             {u"attendees"_s, QJsonArray()},
                                                             {u"categories"_s, QJsonArray()},
                                                             {u"cancelled"_s, false},
                                                             {u"recurs"_s, false}}));

        const QByteArray allDay = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\n"
                                  "BEGIN:VEVENT\r\nUID:day@other\r\nDTSTAMP:20260101T000000Z\r\n"
                                  "DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\n"
                                  "SUMMARY:Holidays\r\nCATEGORIES:Out of office,Personal\r\n"
                                  "ORGANIZER;CN=Ada:mailto:Ada@Example.com\r\n"
                                  "ATTENDEE;CN=Bob:mailto:bob@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        decoded = decodeResource(allDay);
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->data.value(u"start"_s).toString(), u"2026-12-24"_s);
        QCOMPARE(decoded->data.value(u"end"_s).toString(), u"2026-12-26"_s);
        QCOMPARE(decoded->data.value(u"allDay"_s).toBool(), true);
        // Who and what kind, for time off offered from other clients' events.
        QCOMPARE(decoded->data.value(u"organizer"_s).toString(), u"Ada@Example.com"_s);
        QCOMPARE(decoded->data.value(u"attendees"_s).toArray(), QJsonArray{u"bob@example.com"_s});
        QCOMPARE(decoded->data.value(u"categories"_s).toArray(), (QJsonArray{u"Out of office"_s, u"Personal"_s}));
    }

    void decodeRefuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        const QByteArray head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\n";
        const QByteArray event = "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\n"
                                 "END:VEVENT\r\n";
        QTest::newRow("not iCalendar") << QByteArray("{\"json\": true}") << u"not an iCalendar file"_s;
        QTest::newRow("empty") << QByteArray() << u"empty"_s;
        QTest::newRow("truncated") << head + "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260101T100000Z\r\nSUMMARY:Hal"
                                   << u"truncated"_s;
        QTest::newRow("two objects") << head + event + QByteArray(event).replace("UID:a", "UID:b") + "END:VCALENDAR\r\n"
                                     << u"2 different objects"_s;
        QTest::newRow("unknown kind") << head + QByteArray(event).replace("UID:a", "UID:a\r\nX-TANDEM-KIND:pizza") +
                                             "END:VCALENDAR\r\n"
                                      << u"“pizza”"_s;
    }

    void decodeRefuses()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        const auto decoded = decodeResource(text);
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorMessage().contains(message), qPrintable(decoded.errorMessage()));
    }

    void exportCalendarWritesEachZoneOnce()
    {
        const QTimeZone berlin("Europe/Berlin");
        const QList<Shift> shifts = {
            shift(m_berlin, QDateTime(QDate(2026, 3, 16), QTime(9, 0), berlin), 168),
            shift(m_berlin, QDateTime(QDate(2026, 3, 23), QTime(9, 0), berlin), 167),
            shift(m_newYork, QDateTime(QDate(2026, 3, 16), QTime(9, 0), QTimeZone("America/New_York")), 24),
        };
        TimeOff t;
        t.id = TimeOffId::create();
        t.personId = m_bob.id;
        t.from = QDate(2026, 3, 30);
        t.to = QDate(2026, 3, 30);
        const QByteArray text = exportCalendar(shifts, {t}, m_directory);
        QVERIFY(unfold(text).startsWith("BEGIN:VCALENDAR\n"));
        QVERIFY2(unfold(text).contains("\nPRODID:-//Tandem//Tandem//EN\n"), text.constData());
        QCOMPARE(linesStartingWith(text, "BEGIN:VEVENT").size(), 4);
        QCOMPARE(linesStartingWith(text, "BEGIN:VTIMEZONE").size(), 2);
        QCOMPARE(linesStartingWith(text, "TZID:Europe/Berlin").size(), 1);
        QCOMPARE(linesStartingWith(text, "TZID:America/New_York").size(), 1);
        QCOMPARE(linesStartingWith(text, "SUMMARY:Time off: Bob Ops").size(), 1);
    }
};

} // namespace Tandem

QTEST_GUILESS_MAIN(Tandem::IcalCodecTest)
#include "icalcodectest.moc"
