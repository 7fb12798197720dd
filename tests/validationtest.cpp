#include "services/validation.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {

QStringList fieldsOf(const QList<Error> &errors)
{
    QStringList fields;
    for (const Error &e : errors) {
        fields.append(e.field);
    }
    return fields;
}

QString messagesOf(const QList<Error> &errors)
{
    QStringList messages;
    for (const Error &e : errors) {
        messages.append(e.message);
    }
    return messages.join(u" | "_s);
}

} // namespace

/// The checks every path that writes runs first (the dialogs, the command line, the CSV import,
/// the sync): each bad field is named, with a message that says what is wrong and what was
/// expected; a good record passes.
class ValidationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void person_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("timeZone");
        QTest::addColumn<double>("capacity");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("says");

        const QString ada = u"Ada Lovelace"_s;
        const QString mail = u"ada@example.com"_s;
        const QString berlin = u"Europe/Berlin"_s;
        QTest::newRow("good") << ada << mail << berlin << 1.0 << u"+49 30 1234-56"_s << QStringList() << QString();
        QTest::newRow("good: least capacity")
            << ada << mail << berlin << 0.1 << QString() << QStringList() << QString();
        QTest::newRow("old zone name") << ada << mail << u"Asia/Calcutta"_s << 1.0 << QString() << QStringList()
                                       << QString();
        QTest::newRow("blank name") << u"   "_s << mail << berlin << 1.0 << QString() << QStringList{u"name"_s}
                                    << u"Name is empty"_s;
        QTest::newRow("no e-mail") << ada << QString() << berlin << 1.0 << QString() << QStringList{u"email"_s}
                                   << u"E-mail is empty"_s;
        QTest::newRow("e-mail without domain dot")
            << ada << u"ada@example"_s << berlin << 1.0 << QString() << QStringList{u"email"_s}
            << u"“ada@example” is not an e-mail address"_s;
        QTest::newRow("e-mail with two @") << ada << u"a@b@example.com"_s << berlin << 1.0 << QString()
                                           << QStringList{u"email"_s} << u"expected name@example.com"_s;
        QTest::newRow("e-mail with a space") << ada << u"ada lovelace@example.com"_s << berlin << 1.0 << QString()
                                             << QStringList{u"email"_s} << u"not an e-mail address"_s;
        QTest::newRow("unknown zone") << ada << mail << u"Mars/Olympus"_s << 1.0 << QString()
                                      << QStringList{u"timezone"_s} << u"“Mars/Olympus” is not a known time zone"_s;
        QTest::newRow("no zone") << ada << mail << QString() << 1.0 << QString() << QStringList{u"timezone"_s}
                                 << u"Time zone is empty"_s;
        QTest::newRow("capacity too small")
            << ada << mail << berlin << 0.05 << QString() << QStringList{u"capacity"_s} << u"between 0.1 and 1.0"_s;
        QTest::newRow("capacity above one")
            << ada << mail << berlin << 1.5 << QString() << QStringList{u"capacity"_s} << u"not 1.5"_s;
        QTest::newRow("capacity nan") << ada << mail << berlin << std::nan("") << QString()
                                      << QStringList{u"capacity"_s} << u"between 0.1 and 1.0"_s;
        QTest::newRow("phone with letters") << ada << mail << berlin << 1.0 << u"call me"_s << QStringList{u"phone"_s}
                                            << u"“call me” is not a phone number"_s;
        QTest::newRow("everything wrong, in form order")
            << QString() << u"x"_s << u"Mars/Olympus"_s << 2.0 << u"?"_s
            << QStringList{u"name"_s, u"email"_s, u"timezone"_s, u"capacity"_s, u"phone"_s} << QString();
    }

    void person()
    {
        QFETCH(QString, name);
        QFETCH(QString, email);
        QFETCH(QString, timeZone);
        QFETCH(double, capacity);
        QFETCH(QString, phone);
        QFETCH(QStringList, fields);
        QFETCH(QString, says);
        Person p;
        p.name = name;
        p.email = email;
        p.timeZone = timeZone;
        p.capacity = capacity;
        p.phone = phone;
        const QList<Error> errors = validatePerson(p);
        QCOMPARE(fieldsOf(errors).join(u","_s), fields.join(u","_s));
        QVERIFY2(messagesOf(errors).contains(says), qPrintable(messagesOf(errors)));
    }

    void timeOff_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("says");
        QTest::newRow("one day") << QDate(2026, 4, 6) << QDate(2026, 4, 6) << QStringList() << QString();
        QTest::newRow("a week") << QDate(2026, 4, 6) << QDate(2026, 4, 12) << QStringList() << QString();
        QTest::newRow("ends before it starts") << QDate(2026, 4, 6) << QDate(2026, 4, 5) << QStringList{u"to"_s}
                                               << u"ends (2026-04-05) before it starts (2026-04-06)"_s;
        QTest::newRow("no first day") << QDate() << QDate(2026, 4, 5) << QStringList{u"from"_s} << u"first day"_s;
        QTest::newRow("no days") << QDate() << QDate() << QStringList{u"from"_s, u"to"_s} << u"last day"_s;
    }

    void timeOff()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QStringList, fields);
        QFETCH(QString, says);
        const QList<Error> errors = validateTimeOff(TimeOff{{}, PersonId::create(), from, to, u"Holiday"_s});
        QCOMPARE(fieldsOf(errors).join(u","_s), fields.join(u","_s));
        QVERIFY2(messagesOf(errors).contains(says), qPrintable(messagesOf(errors)));
    }

    void shift_data()
    {
        QTest::addColumn<qint64>("lengthSecs");
        QTest::addColumn<bool>("samePerson");
        QTest::addColumn<QString>("bridge");
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("says");
        const qint64 week = 7 * 24 * 3600;
        QTest::newRow("a week") << week << false << u"https://meet.example.com/pay"_s << QStringList() << QString();
        QTest::newRow("the longest") << MaxShiftSeconds << false << QString() << QStringList() << QString();
        QTest::newRow("a second too long")
            << MaxShiftSeconds + 1 << false << QString() << QStringList{u"end"_s} << u"at most 62 days"_s;
        QTest::newRow("no length") << qint64(0) << false << QString() << QStringList{u"end"_s} << u"before it starts"_s;
        QTest::newRow("backwards") << qint64(-3600) << false << QString() << QStringList{u"end"_s}
                                   << u"before it starts"_s;
        QTest::newRow("one person in both seats")
            << week << true << QString() << QStringList{u"ops"_s} << u"both seats"_s;
        QTest::newRow("bridge not a web address")
            << week << false << u"javascript:alert(1)"_s << QStringList{u"bridge"_s} << u"http or https"_s;
        QTest::newRow("bridge without host")
            << week << false << u"https://"_s << QStringList{u"bridge"_s} << u"http or https"_s;
    }

    void shift()
    {
        QFETCH(qint64, lengthSecs);
        QFETCH(bool, samePerson);
        QFETCH(QString, bridge);
        QFETCH(QStringList, fields);
        QFETCH(QString, says);
        Shift s;
        s.id = ShiftId::create();
        s.rotationId = RotationId::create();
        s.start = QDateTime(QDate(2026, 3, 16), QTime(8, 0), Qt::UTC);
        s.end = s.start.addSecs(lengthSecs);
        s.dev = PersonId::create();
        s.ops = samePerson ? s.dev : PersonId::create();
        s.bridgeUrl = bridge;
        const QList<Error> errors = validateShift(s);
        QCOMPARE(fieldsOf(errors).join(u","_s), fields.join(u","_s));
        QVERIFY2(messagesOf(errors).contains(says), qPrintable(messagesOf(errors)));
    }

    void shiftWithoutRotationOrTimes()
    {
        const QList<Error> errors = validateShift(Shift{});
        QCOMPARE(fieldsOf(errors), (QStringList{u"rotation"_s, u"start"_s}));
    }

    void weightsOutOfRange()
    {
        RotationRules rules;
        QVERIFY(validateWeights(rules).isEmpty());
        rules.weekendWeight = 1e308;
        rules.nightWeight = MinWeight / 2;
        const QList<Error> errors = validateWeights(rules);
        QCOMPARE(fieldsOf(errors), (QStringList{u"weekend_weight"_s, u"night_weight"_s}));
        rules.weekendWeight = MaxWeight;
        rules.nightWeight = MinWeight;
        QVERIFY2(validateWeights(rules).isEmpty(), qPrintable(messagesOf(validateWeights(rules))));
    }
};

QTEST_GUILESS_MAIN(ValidationTest)
#include "validationtest.moc"
