#include "icsprecheck.h"

#include "domain/clock.h"
#include "domain/timezonenames.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QSet>
#include <QStringDecoder>
#include <QTime>
#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;

namespace Tandem::IcsText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Ical", text);
}

Error lineError(int line, const QString &what)
{
    return Error{tr("Line %1: %2").arg(line).arg(what), u"line:%1"_s.arg(line)};
}

/// A short, printable excerpt of a line for messages.
QString excerpt(const QByteArray &text)
{
    QString s = QString::fromUtf8(text.left(40));
    for (QChar &c : s) {
        if (!c.isPrint()) {
            c = u'?';
        }
    }
    return text.size() > 40 ? s + u'…' : s;
}

struct ContentLine
{
    int number = 0; ///< first physical line, 1-based
    QByteArray text;
};

struct Parameter
{
    QByteArray name;
    QByteArray value; ///< without quotes
};

struct Property
{
    QByteArray name; ///< upper case
    QList<Parameter> parameters;
    QByteArray value;

    QByteArray parameter(const QByteArray &key) const
    {
        for (const Parameter &p : parameters) {
            if (p.name == key) {
                return p.value;
            }
        }
        return {};
    }
};

bool isNameChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/// Splits NAME;PARAM=VALUE;...:VALUE; quoted parameter values may hold ';' ':' ','.
std::optional<Property> parseLine(const QByteArray &text, QString *why)
{
    Property p;
    qsizetype i = 0;
    while (i < text.size() && isNameChar(text.at(i))) {
        ++i;
    }
    if (i == 0) {
        *why = tr("“%1” is not an iCalendar content line (NAME:value).").arg(excerpt(text));
        return std::nullopt;
    }
    p.name = text.left(i).toUpper();
    while (i < text.size() && text.at(i) == ';') {
        ++i;
        const qsizetype nameStart = i;
        while (i < text.size() && isNameChar(text.at(i))) {
            ++i;
        }
        if (i == nameStart || i >= text.size() || text.at(i) != '=') {
            *why = tr("a parameter of %1 is not NAME=value.").arg(QString::fromLatin1(p.name));
            return std::nullopt;
        }
        Parameter parameter;
        parameter.name = text.mid(nameStart, i - nameStart).toUpper();
        ++i;
        // A parameter may hold a list of values; each may be quoted.
        while (true) {
            if (i < text.size() && text.at(i) == '"') {
                const qsizetype close = text.indexOf('"', i + 1);
                if (close < 0) {
                    *why = tr("a quoted parameter value of %1 is not closed.").arg(QString::fromLatin1(p.name));
                    return std::nullopt;
                }
                parameter.value += text.mid(i + 1, close - i - 1);
                i = close + 1;
            } else {
                const qsizetype start = i;
                while (i < text.size() && text.at(i) != ';' && text.at(i) != ':' && text.at(i) != ',') {
                    if (text.at(i) == '"') {
                        *why = tr("a parameter value of %1 has a stray quote.").arg(QString::fromLatin1(p.name));
                        return std::nullopt;
                    }
                    ++i;
                }
                parameter.value += text.mid(start, i - start);
            }
            if (i < text.size() && text.at(i) == ',') {
                parameter.value += ',';
                ++i;
                continue;
            }
            break;
        }
        p.parameters.append(parameter);
    }
    if (i >= text.size() || text.at(i) != ':') {
        *why = tr("“%1” has no “:” before its value.").arg(excerpt(text));
        return std::nullopt;
    }
    p.value = text.mid(i + 1);
    return p;
}

bool allDigits(QByteArrayView text)
{
    if (text.isEmpty()) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

/// YYYYMMDD or YYYYMMDDTHHMMSS[Z]; `dateOnly` set to which it was.
bool validDateOrDateTime(QByteArrayView value, bool *dateOnly)
{
    if (value.size() < 8 || !allDigits(value.first(8))) {
        return false;
    }
    const int year = value.first(4).toInt();
    const QDate date(year, value.sliced(4, 2).toInt(), value.sliced(6, 2).toInt());
    // Years before 1583 predate the Gregorian calendar iCalendar assumes.
    if (!date.isValid() || year < 1583) {
        return false;
    }
    if (value.size() == 8) {
        *dateOnly = true;
        return true;
    }
    *dateOnly = false;
    QByteArrayView rest = value.sliced(8);
    if (rest.endsWith('Z')) {
        rest.chop(1);
    }
    if (rest.size() != 7 || rest.at(0) != 'T' || !allDigits(rest.sliced(1))) {
        return false;
    }
    const int h = rest.sliced(1, 2).toInt();
    const int m = rest.sliced(3, 2).toInt();
    const int s = rest.sliced(5, 2).toInt();
    return h <= 23 && m <= 59 && s <= 60;
}

bool validDuration(QByteArrayView value)
{
    // [+-]P(nW | nD[T...] | T...) with at least one figure.
    qsizetype i = 0;
    if (i < value.size() && (value.at(i) == '+' || value.at(i) == '-')) {
        ++i;
    }
    if (i >= value.size() || value.at(i) != 'P') {
        return false;
    }
    ++i;
    bool figure = false;
    bool time = false;
    QByteArray seen;
    while (i < value.size()) {
        if (value.at(i) == 'T') {
            if (time) {
                return false;
            }
            time = true;
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < value.size() && value.at(i) >= '0' && value.at(i) <= '9') {
            ++i;
        }
        if (i == start || i >= value.size() || i - start > 7) {
            return false;
        }
        const char unit = value.at(i);
        const bool ok = time ? (unit == 'H' || unit == 'M' || unit == 'S') : (unit == 'W' || unit == 'D');
        if (!ok || seen.contains(unit)) {
            return false;
        }
        seen += unit;
        figure = true;
        ++i;
    }
    return figure;
}

bool validOffset(QByteArrayView value)
{
    // +HHMM or +HHMMSS
    if ((value.size() != 5 && value.size() != 7) || (value.at(0) != '+' && value.at(0) != '-') ||
        !allDigits(value.sliced(1))) {
        return false;
    }
    return value.sliced(1, 2).toInt() <= 23 && value.sliced(3, 2).toInt() <= 59;
}

bool inRange(QByteArrayView item, int low, int high, bool signedAllowed)
{
    if (signedAllowed && (item.startsWith('+') || item.startsWith('-'))) {
        item = item.sliced(1);
    }
    if (!allDigits(item) || item.size() > 3) {
        return false;
    }
    const int n = item.toInt();
    return n >= low && n <= high;
}

bool isWeekday(QByteArrayView text)
{
    static const QList<QByteArray> days = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    return days.contains(text.toByteArray());
}

/// Checks an RRULE value; returns an empty string when it is fine.
QString checkRule(QByteArrayView value, bool dailyOnly)
{
    if (value.isEmpty()) {
        return tr("the RRULE is empty.");
    }
    QByteArray freq;
    const QList<QByteArray> parts = value.toByteArray().toUpper().split(';');
    QSet<QByteArray> seen;
    for (const QByteArray &part : parts) {
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0) {
            return tr("“%1” in the RRULE is not NAME=value.").arg(excerpt(part));
        }
        const QByteArray key = part.left(eq);
        const QByteArray v = part.mid(eq + 1);
        if (seen.contains(key)) {
            return tr("%1 appears twice in the RRULE.").arg(QString::fromLatin1(key));
        }
        seen.insert(key);
        auto listOk = [&v](int low, int high, bool signedAllowed) {
            if (v.isEmpty()) {
                return false;
            }
            const QList<QByteArray> items = v.split(',');
            if (items.size() > 400) {
                return false;
            }
            for (const QByteArray &item : items) {
                if (!inRange(item, low, high, signedAllowed)) {
                    return false;
                }
            }
            return true;
        };
        bool ok = true;
        if (key == "FREQ") {
            static const QList<QByteArray> known = {"SECONDLY", "MINUTELY", "HOURLY", "DAILY",
                                                    "WEEKLY",   "MONTHLY",  "YEARLY"};
            if (!known.contains(v)) {
                return tr("FREQ=%1 is not a recurrence frequency.").arg(excerpt(v));
            }
            freq = v;
        } else if (key == "UNTIL") {
            bool dateOnly = false;
            ok = validDateOrDateTime(v, &dateOnly);
        } else if (key == "COUNT") {
            ok = allDigits(v) && v.size() <= 6 && v.toInt() >= 1 && v.toInt() <= MaxRecurrenceCount;
            if (!ok) {
                return tr("COUNT=%1 in the RRULE is not a number from 1 to %2.")
                    .arg(excerpt(v))
                    .arg(MaxRecurrenceCount);
            }
        } else if (key == "INTERVAL") {
            ok = allDigits(v) && v.size() <= 5 && v.toInt() >= 1 && v.toInt() <= MaxRecurrenceInterval;
        } else if (key == "BYSECOND") {
            ok = listOk(0, 60, false);
        } else if (key == "BYMINUTE") {
            ok = listOk(0, 59, false);
        } else if (key == "BYHOUR") {
            ok = listOk(0, 23, false);
        } else if (key == "BYMONTHDAY") {
            ok = listOk(1, 31, true);
        } else if (key == "BYYEARDAY" || key == "BYSETPOS") {
            ok = listOk(1, 366, true);
        } else if (key == "BYWEEKNO") {
            ok = listOk(1, 53, true);
        } else if (key == "BYMONTH") {
            ok = listOk(1, 12, false);
        } else if (key == "WKST") {
            ok = isWeekday(v);
        } else if (key == "BYDAY") {
            const QList<QByteArray> items = v.split(',');
            ok = !v.isEmpty() && items.size() <= 400;
            for (const QByteArray &item : items) {
                if (item.size() < 2 || !isWeekday(item.right(2))) {
                    ok = false;
                    break;
                }
                const QByteArray ordinal = item.chopped(2);
                if (!ordinal.isEmpty() && !inRange(ordinal, 1, 53, true)) {
                    ok = false;
                    break;
                }
            }
        } else if (!key.startsWith("X-")) {
            return tr("%1 is not a part of a recurrence rule.").arg(excerpt(key));
        }
        if (!ok) {
            return tr("%1=%2 in the RRULE is not valid.").arg(QString::fromLatin1(key), excerpt(v));
        }
    }
    if (freq.isEmpty()) {
        return tr("the RRULE has no FREQ.");
    }
    if (seen.contains("UNTIL") && seen.contains("COUNT")) {
        return tr("the RRULE has both UNTIL and COUNT.");
    }
    if (dailyOnly && (freq == "SECONDLY" || freq == "MINUTELY" || freq == "HOURLY")) {
        return tr("the event repeats %1; Tandem imports whole days, so at most daily repeats are read.")
            .arg(QString::fromLatin1(freq).toLower());
    }
    return {};
}

/// The dimensions of a valid RRULE (checkRule passed): enough to bound its occurrences.
struct RuleShape
{
    QByteArray freq;
    qint64 interval = 1;
    qint64 count = 0; ///< 0: no COUNT
    QDate until;
    QHash<QByteArray, qint64> sizes; ///< BY* part -> number of values
};

RuleShape shapeOf(QByteArrayView value)
{
    RuleShape shape;
    const QList<QByteArray> parts = value.toByteArray().toUpper().split(';');
    for (const QByteArray &part : parts) {
        const qsizetype eq = part.indexOf('=');
        const QByteArray key = part.left(eq);
        const QByteArray v = part.mid(eq + 1);
        if (key == "FREQ") {
            shape.freq = v;
        } else if (key == "INTERVAL") {
            shape.interval = std::max<qint64>(1, v.toLongLong());
        } else if (key == "COUNT") {
            shape.count = v.toLongLong();
        } else if (key == "UNTIL") {
            shape.until = QDate(v.left(4).toInt(), v.mid(4, 2).toInt(), v.mid(6, 2).toInt());
        } else if (key.startsWith("BY")) {
            shape.sizes.insert(key, v.count(',') + 1);
        }
    }
    return shape;
}

/// An upper bound of the instants one period of the rule yields (RFC 5545 3.3.10: which BY*
/// parts expand the set at which frequency; limiting parts only shrink it).
qint64 perPeriod(const RuleShape &r)
{
    auto n = [&r](const char *key) { return r.sizes.value(key, 0); };
    auto atLeastOne = [&n](const char *key) { return std::max<qint64>(1, n(key)); };
    qint64 days = 1;
    if (r.freq == "WEEKLY") {
        days = std::min<qint64>(7, atLeastOne("BYDAY"));
    } else if (r.freq == "MONTHLY") {
        days = n("BYMONTHDAY") > 0 ? n("BYMONTHDAY") : n("BYDAY") > 0 ? 5 * n("BYDAY") : 1;
        days = std::min<qint64>(31, days);
    } else if (r.freq == "YEARLY") {
        if (n("BYYEARDAY") > 0) {
            days = n("BYYEARDAY");
        } else if (n("BYMONTHDAY") > 0) {
            days = atLeastOne("BYMONTH") * n("BYMONTHDAY");
        } else if (n("BYWEEKNO") > 0) {
            days = n("BYWEEKNO") * atLeastOne("BYDAY");
        } else if (n("BYDAY") > 0) {
            days = (n("BYMONTH") > 0 ? 5 * n("BYMONTH") : 53) * n("BYDAY");
        } else {
            days = atLeastOne("BYMONTH");
        }
        days = std::min<qint64>(366, days);
    }
    qint64 times = 1;
    if (r.freq == "MINUTELY") {
        times = atLeastOne("BYSECOND");
    } else if (r.freq == "HOURLY") {
        times = atLeastOne("BYMINUTE") * atLeastOne("BYSECOND");
    } else if (r.freq != "SECONDLY") {
        times = atLeastOne("BYHOUR") * atLeastOne("BYMINUTE") * atLeastOne("BYSECOND");
    }
    return days * times;
}

/// An upper bound of the occurrences of the rule from `start` over the days [from, to].
qint64 occurrencesIn(const RuleShape &r, QDate start, QDate from, QDate to)
{
    if (r.until.isValid() && r.until < to) {
        to = r.until;
    }
    from = std::max(from, start);
    if (to < from) {
        return 0;
    }
    static const QHash<QByteArray, qint64> periodSeconds = {
        {"SECONDLY", 1},       {"MINUTELY", 60},        {"HOURLY", 3600},        {"DAILY", 86400},
        {"WEEKLY", 7 * 86400}, {"MONTHLY", 28 * 86400}, {"YEARLY", 365 * 86400},
    };
    const qint64 seconds = (from.daysTo(to) + 1) * 86400;
    const qint64 periods = seconds / (periodSeconds.value(r.freq, 86400) * r.interval) + 2;
    const qint64 perOne = perPeriod(r);
    const qint64 bound =
        periods > std::numeric_limits<qint64>::max() / perOne ? std::numeric_limits<qint64>::max() : periods * perOne;
    return r.count > 0 ? std::min(bound, r.count) : bound;
}

/// The day of a DTSTART value (YYYYMMDD...), invalid when it is not one.
QDate dayOf(QByteArrayView value)
{
    bool dateOnly = false;
    if (!validDateOrDateTime(value.trimmed(), &dateOnly)) {
        return {};
    }
    return QDate(value.first(4).toInt(), value.sliced(4, 2).toInt(), value.sliced(6, 2).toInt());
}

/// Whether DTEND lies before DTSTART. Values of the same form and zone compare as text
/// (YYYYMMDDTHHMMSS orders like time); across zones only a whole day apart is sure.
bool endsBeforeStart(const QByteArray &start, const QByteArray &startZone, const QByteArray &end,
                     const QByteArray &endZone)
{
    if (start.isEmpty() || end.isEmpty()) {
        return false;
    }
    const bool sameForm = start.size() == end.size() && start.endsWith('Z') == end.endsWith('Z');
    if (sameForm && startZone == endZone) {
        return end < start;
    }
    const QDate startDay = dayOf(start);
    const QDate endDay = dayOf(end);
    return startDay.isValid() && endDay.isValid() && endDay < startDay.addDays(-1);
}

/// Properties whose value is a date or date-time (a list for EXDATE and RDATE).
bool isDateProperty(const QByteArray &name)
{
    static const QSet<QByteArray> names = {"DTSTART", "DTEND",   "DUE",     "RECURRENCE-ID", "EXDATE",
                                           "RDATE",   "DTSTAMP", "CREATED", "LAST-MODIFIED", "COMPLETED"};
    return names.contains(name);
}

/// The components libical knows; anything else (other than X- components) is refused.
bool isKnownComponent(const QByteArray &name)
{
    static const QSet<QByteArray> names = {"VCALENDAR", "VEVENT",   "VTODO",  "VJOURNAL",      "VFREEBUSY", "VTIMEZONE",
                                           "STANDARD",  "DAYLIGHT", "VALARM", "VAVAILABILITY", "AVAILABLE"};
    return names.contains(name) || name.startsWith("X-");
}

} // namespace

Status precheck(const QByteArray &ics, const PrecheckOptions &options)
{
    if (options.maxBytes > 0 && ics.size() > options.maxBytes) {
        return Error{tr("The file is %1 MB; Tandem reads calendar files of at most %2 MB.")
                         .arg(double(ics.size()) / (1024.0 * 1024.0), 0, 'f', 1)
                         .arg(options.maxBytes / (1024 * 1024))};
    }
    QByteArrayView text(ics);
    if (text.startsWith("\xEF\xBB\xBF")) {
        text = text.sliced(3);
    }
    if (text.trimmed().isEmpty()) {
        return Error{tr("The file is empty; it is not an iCalendar file.")};
    }
    if (text.contains('\0')) {
        const qsizetype at = text.indexOf('\0');
        return lineError(int(text.first(at).count('\n')) + 1, tr("a NUL byte: this is not a text file."));
    }

    // Unfold: a line that starts with a space or a tab continues the previous one.
    QList<ContentLine> lines;
    int number = 0;
    qsizetype pos = 0;
    while (pos < text.size()) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0) {
            end = text.size();
        }
        QByteArrayView physical = text.sliced(pos, end - pos);
        pos = end + 1;
        ++number;
        if (physical.endsWith('\r')) {
            physical.chop(1);
        }
        if (physical.size() > MaxLineOctets) {
            return lineError(
                number,
                tr("the line is %1 bytes long; content lines are at most %2.").arg(physical.size()).arg(MaxLineOctets));
        }
        if (!physical.isEmpty() && (physical.at(0) == ' ' || physical.at(0) == '\t')) {
            if (lines.isEmpty()) {
                return lineError(number, tr("the file starts with a continuation line."));
            }
            ContentLine &last = lines.last();
            last.text += physical.sliced(1);
            if (last.text.size() > MaxLineOctets) {
                return lineError(last.number,
                                 tr("the content line, unfolded, is more than %1 bytes long.").arg(MaxLineOctets));
            }
            continue;
        }
        if (physical.trimmed().isEmpty()) {
            continue;
        }
        lines.append(ContentLine{number, physical.toByteArray()});
    }

    // UTF-8, line by line, so the message can say where.
    for (const ContentLine &line : lines) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder.decode(line.text);
        if (decoder.hasError()) {
            return lineError(line.number, tr("the text is not valid UTF-8."));
        }
        for (const QChar c : decoded) {
            if (c.unicode() < 0x20 && c != u'\t') {
                return lineError(line.number, tr("a control character (code %1) in the text.").arg(c.unicode()));
            }
        }
    }

    if (lines.isEmpty() || lines.first().text.toUpper() != "BEGIN:VCALENDAR") {
        const ContentLine first = lines.isEmpty() ? ContentLine{1, {}} : lines.first();
        return lineError(first.number, tr("“%1” where an iCalendar file starts with BEGIN:VCALENDAR; this is "
                                          "not an iCalendar file.")
                                           .arg(excerpt(first.text)));
    }

    // First pass: the zones the file defines.
    QSet<QByteArray> definedZones;
    {
        QByteArray component;
        for (const ContentLine &line : lines) {
            const QByteArray upper = line.text.left(20).toUpper();
            if (upper.startsWith("BEGIN:")) {
                component = upper.mid(6);
            } else if (component == "VTIMEZONE" && upper.startsWith("TZID")) {
                QString why;
                if (const auto p = parseLine(line.text, &why)) {
                    definedZones.insert(p->value);
                }
            }
        }
    }

    struct Open
    {
        QByteArray name;
        int line = 0;
        bool hasStart = false;
        QDate start;
        int startLine = 0;
        QByteArray startText; ///< DTSTART's value and zone, to compare with DTEND's
        QByteArray startZone;
        QByteArray endText;
        QByteArray endZone;
        int endLine = 0;
        QList<std::pair<int, RuleShape>> rules; ///< line, rule
        qint64 extraDates = 0;                  ///< RDATE items
    };
    // The work the file would cost once parsed: occurrences in the period read, and the
    // transitions of its time zones (KCalendarCore expands each observance 20 years ahead).
    const bool expanding = options.expandFrom.isValid() && options.expandTo.isValid();
    // Expansion starts early enough to catch an event that began before the period (up to 400 days).
    const QDate windowFrom = expanding ? options.expandFrom.addDays(-401) : QDate();
    const QDate windowTo = expanding ? options.expandTo.addDays(2) : QDate();
    const QDate zonesUntil = Clock::current().today().addYears(21);
    qint64 occurrences = 0;
    qint64 transitions = 0;
    int observances = 0;
    QList<Open> stack;
    bool calendarDone = false;
    int components = 0;
    for (const ContentLine &line : lines) {
        QString why;
        const auto parsed = parseLine(line.text, &why);
        if (!parsed) {
            return lineError(line.number, why);
        }
        const Property &p = *parsed;
        if (calendarDone) {
            return lineError(line.number, tr("text after END:VCALENDAR; a file holds one calendar."));
        }
        if (p.name == "BEGIN") {
            const QByteArray name = p.value.trimmed().toUpper();
            if (!isKnownComponent(name)) {
                return lineError(line.number, tr("BEGIN:%1 is not an iCalendar component.").arg(excerpt(name)));
            }
            if (stack.isEmpty() != (name == "VCALENDAR")) {
                return lineError(line.number, tr("BEGIN:%1 is not allowed here.").arg(QString::fromLatin1(name)));
            }
            if (stack.size() >= MaxNesting) {
                return lineError(line.number, tr("components are nested more than %1 deep.").arg(MaxNesting));
            }
            if (++components > MaxComponents) {
                return lineError(line.number, tr("more than %1 components (events, time zones, alarms) in one "
                                                 "file; Tandem reads at most that many.")
                                                  .arg(MaxComponents));
            }
            Open opened;
            opened.name = name;
            opened.line = line.number;
            stack.append(opened);
            continue;
        }
        if (p.name == "END") {
            const QByteArray name = p.value.trimmed().toUpper();
            if (stack.isEmpty() || stack.last().name != name) {
                return lineError(line.number, stack.isEmpty()
                                                  ? tr("END:%1 without a BEGIN.").arg(excerpt(name))
                                                  : tr("END:%1 where %2 (begun at line %3) should end.")
                                                        .arg(excerpt(name), QString::fromLatin1(stack.last().name))
                                                        .arg(stack.last().line));
            }
            const Open closed = stack.takeLast();
            if (closed.name == "VEVENT" && !closed.hasStart) {
                return lineError(closed.line, tr("an event without DTSTART."));
            }
            if (closed.name == "VEVENT" &&
                endsBeforeStart(closed.startText, closed.startZone, closed.endText, closed.endZone)) {
                return lineError(
                    closed.endLine,
                    tr("the event ends (DTEND) before it starts (DTSTART, line %1).").arg(closed.startLine));
            }
            if (closed.name == "STANDARD" || closed.name == "DAYLIGHT") {
                if (++observances > MaxObservances) {
                    return lineError(closed.line, tr("more than %1 time zone observances (STANDARD, DAYLIGHT) in "
                                                     "one file.")
                                                      .arg(MaxObservances));
                }
                transitions += 1 + closed.extraDates;
                for (const auto &[ruleLine, rule] : closed.rules) {
                    if (closed.start.isValid()) {
                        transitions += occurrencesIn(rule, closed.start, closed.start, zonesUntil);
                    }
                    if (transitions > MaxZoneTransitions) {
                        return lineError(ruleLine, tr("the time zone rule repeats too often: the file's time zones "
                                                      "would change their offset more than %1 times.")
                                                       .arg(MaxZoneTransitions));
                    }
                }
                if (transitions > MaxZoneTransitions) {
                    return lineError(
                        closed.line,
                        tr("the file's time zones change their offset more than %1 times.").arg(MaxZoneTransitions));
                }
            } else if (expanding && closed.name == "VEVENT") {
                occurrences += 1 + closed.extraDates;
                for (const auto &[ruleLine, rule] : closed.rules) {
                    const qint64 one = perPeriod(rule);
                    const qint64 inPeriod =
                        closed.start.isValid() ? occurrencesIn(rule, closed.start, windowFrom, windowTo) : 0;
                    if (one > MaxOccurrences || inPeriod > MaxOccurrences - occurrences) {
                        return lineError(
                            ruleLine,
                            tr("the recurrence rule repeats up to %1 times in the period read (%2 to "
                               "%3); Tandem reads at most %4 occurrences from one file.")
                                .arg(QLocale::c().toString(std::max(one, inPeriod)))
                                .arg(options.expandFrom.toString(Qt::ISODate), options.expandTo.toString(Qt::ISODate))
                                .arg(QLocale::c().toString(MaxOccurrences)));
                    }
                    occurrences += inPeriod;
                }
                if (occurrences > MaxOccurrences) {
                    return lineError(closed.line, tr("more than %1 occurrences in the period read; Tandem reads at "
                                                     "most that many from one file.")
                                                      .arg(QLocale::c().toString(MaxOccurrences)));
                }
            }
            calendarDone = stack.isEmpty();
            continue;
        }
        if (stack.isEmpty()) {
            return lineError(line.number, tr("%1 outside of a component.").arg(QString::fromLatin1(p.name)));
        }
        Open &current = stack.last();
        const QString name = QString::fromLatin1(p.name);
        if (p.name == "DTSTART") {
            current.hasStart = true;
            current.start = dayOf(p.value);
            current.startText = p.value.trimmed();
            current.startLine = line.number;
            current.startZone = p.parameter("TZID");
        } else if (p.name == "DTEND") {
            current.endText = p.value.trimmed();
            current.endZone = p.parameter("TZID");
            current.endLine = line.number;
        } else if (p.name == "RDATE") {
            current.extraDates += p.value.count(',') + 1;
        }
        const QByteArray tzid = p.parameter("TZID");
        if (!tzid.isEmpty() && !definedZones.contains(tzid) && canonicalTimeZone(QString::fromUtf8(tzid)).isEmpty()) {
            return lineError(line.number, tr("unknown time zone “%1” in %2: the file defines no VTIMEZONE for it "
                                             "and it is not an IANA zone.")
                                              .arg(excerpt(tzid), name));
        }
        if (isDateProperty(p.name)) {
            const QByteArray valueType = p.parameter("VALUE").toUpper();
            const QList<QByteArray> items = p.value.split(',');
            if (items.size() > 10000) {
                return lineError(line.number, tr("%1 lists more than 10000 dates.").arg(name));
            }
            for (const QByteArray &item : items) {
                QByteArray v = item.trimmed();
                if (p.name == "RDATE" && valueType == "PERIOD") {
                    v = v.left(v.indexOf('/') < 0 ? v.size() : v.indexOf('/'));
                }
                bool dateOnly = false;
                if (!validDateOrDateTime(v, &dateOnly)) {
                    return lineError(line.number, tr("“%1” in %2 is not a valid date or date-time (YYYYMMDD or "
                                                     "YYYYMMDDTHHMMSS, a real day and time, year 1583 or later).")
                                                      .arg(excerpt(item), name));
                }
                // A bare date without VALUE=DATE is common and libical reads it as a date.
                if (valueType == "DATE" && !dateOnly) {
                    return lineError(line.number, tr("%1 says VALUE=DATE but holds a date-time.").arg(name));
                }
            }
        } else if (p.name == "DURATION" || (p.name == "TRIGGER" && p.parameter("VALUE").isEmpty())) {
            if (!validDuration(p.value)) {
                return lineError(line.number,
                                 tr("“%1” in %2 is not a duration (like PT1H or P2D).").arg(excerpt(p.value), name));
            }
        } else if (p.name == "TZOFFSETFROM" || p.name == "TZOFFSETTO") {
            if (!validOffset(p.value)) {
                return lineError(line.number,
                                 tr("“%1” in %2 is not a UTC offset (like +0100).").arg(excerpt(p.value), name));
            }
        } else if (p.name == "RRULE" || p.name == "EXRULE") {
            // An observance's rule is read however often it repeats; its transitions are bounded.
            const bool observance = current.name == "STANDARD" || current.name == "DAYLIGHT";
            if (const QString problem = checkRule(p.value, options.dailyRecurrenceOnly && !observance);
                !problem.isEmpty()) {
                return lineError(line.number, problem);
            }
            if (p.name == "RRULE") {
                current.rules.append({line.number, shapeOf(p.value)});
            }
        } else if (p.name == "SEQUENCE" || p.name == "PRIORITY" || p.name == "PERCENT-COMPLETE") {
            if (!allDigits(p.value) || p.value.size() > 9) {
                return lineError(line.number, tr("%1 is not a whole number: “%2”.").arg(name, excerpt(p.value)));
            }
        }
    }
    if (!stack.isEmpty()) {
        return lineError(lines.last().number, tr("the file ends inside %1 (begun at line %2): it is truncated.")
                                                  .arg(QString::fromLatin1(stack.last().name))
                                                  .arg(stack.last().line));
    }
    return {};
}

QByteArray addParameter(const QByteArray &ics, const QByteArray &property, const QByteArray &parameter)
{
    QByteArray out;
    out.reserve(ics.size() + 256);
    const QList<QByteArray> physical = ics.split('\n');
    // Gather logical lines with their original folded text.
    QList<QByteArray> logical;
    QList<QByteArray> original;
    for (QByteArray line : physical) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (!logical.isEmpty() && !line.isEmpty() && (line.at(0) == ' ' || line.at(0) == '\t')) {
            logical.last() += line.mid(1);
            original.last() += "\r\n" + line;
        } else {
            logical.append(line);
            original.append(line);
        }
    }
    const QByteArray prefix = property.toUpper();
    for (qsizetype i = 0; i < logical.size(); ++i) {
        const QByteArray &line = logical.at(i);
        const bool match = line.size() > prefix.size() && line.left(prefix.size()).toUpper() == prefix &&
                           (line.at(prefix.size()) == ';' || line.at(prefix.size()) == ':');
        if (!match || line.toUpper().contains(';' + parameter.toUpper())) {
            out += original.at(i);
        } else {
            const QByteArray changed = line.left(prefix.size()) + ';' + parameter + line.mid(prefix.size());
            // Fold at 75 octets, never inside a UTF-8 sequence.
            qsizetype start = 0;
            qsizetype limit = 75;
            while (changed.size() - start > limit) {
                qsizetype cut = start + limit;
                while (cut > start && (uchar(changed.at(cut)) & 0xC0) == 0x80) {
                    --cut;
                }
                out += changed.mid(start, cut - start) + "\r\n ";
                start = cut;
                limit = 74;
            }
            out += changed.mid(start);
        }
        if (i + 1 < logical.size()) {
            out += "\r\n";
        }
    }
    return out;
}

} // namespace Tandem::IcsText
