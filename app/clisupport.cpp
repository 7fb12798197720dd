#include "clisupport.h"

#include "cli.h"
#include "domain/serialize.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tandem::CliSupport {

QString padded(const QString &text, qsizetype width)
{
    return text.leftJustified(width, u' ');
}

// Plain-text table: columns padded to their widest cell.
QString table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header) {
        widths.append(h.size());
    }
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], row.at(c).size());
        }
    }
    auto line = [&widths](const QStringList &cells) {
        QStringList out;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            out.append(c + 1 == cells.size() ? cells.at(c) : padded(cells.at(c), widths.at(c)));
        }
        return out.join(u"  "_s) + u'\n';
    };
    QString text = line(header);
    for (const QStringList &row : rows) {
        text += line(row);
    }
    return text;
}

Result<RotationContext> rotationContext(Database &db)
{
    RotationContext context;
    RosterService roster(db);
    const auto teams = roster.teams();
    if (!teams) {
        return teams.error();
    }
    for (const Team &t : teams.value()) {
        context.teams.insert(t.id, t);
    }
    const auto pools = RotationService(db).pools();
    if (!pools) {
        return pools.error();
    }
    for (const OpsPool &p : pools.value()) {
        context.pools.insert(p.id, p);
    }
    const auto people = roster.people();
    if (!people) {
        return people.error();
    }
    for (const Person &p : people.value()) {
        context.people.insert(p.id, p);
    }
    return context;
}

QJsonObject rotationJson(const Rotation &r, const RotationContext &context)
{
    QJsonObject object = toJson(r);
    object.insert(u"team_name"_s, context.teams.value(r.teamId).name);
    object.insert(u"ops_pool_name"_s, context.pools.contains(r.opsPoolId)
                                          ? QJsonValue(context.pools.value(r.opsPoolId).name)
                                          : QJsonValue());
    return object;
}

// A person's name for output; people removed from the roster are looked up once.
QString personName(Database &db, RotationContext &context, PersonId id)
{
    if (id.isNull()) {
        return {};
    }
    if (!context.people.contains(id)) {
        const auto person = RosterService(db).person(id);
        if (person && person.value()) {
            context.people.insert(id, *person.value());
        }
    }
    return context.people.contains(id) ? context.people.value(id).name : id.toString();
}

QString namesOf(Database &db, RotationContext &context, const QList<PersonId> &ids)
{
    QStringList names;
    for (const PersonId &id : ids) {
        names.append(personName(db, context, id));
    }
    return names.isEmpty() ? u"none"_s : names.join(u", "_s);
}

void JsonArrayWriter::append(const QJsonObject &object)
{
    m_buffer += m_first ? "[\n" : ",\n";
    m_first = false;
    // The object's own indented text, one level deeper.
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.size();
        }
        if (end > start) {
            m_buffer += "    ";
            m_buffer += QByteArrayView(text).sliced(start, end - start);
        }
        if (end + 1 < text.size()) {
            m_buffer += '\n';
        }
        start = end + 1;
    }
    if (m_buffer.size() > 1024 * 1024) {
        fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), m_out);
        m_buffer.clear();
    }
}

void JsonArrayWriter::finish()
{
    m_buffer += m_first ? "[\n]\n" : "\n]\n";
    fwrite(m_buffer.constData(), 1, size_t(m_buffer.size()), m_out);
    fflush(m_out);
    m_buffer.clear();
}

QDate parseDay(const QString &text)
{
    static const QRegularExpression day(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    const QString t = text.trimmed();
    return day.match(t).hasMatch() ? QDate::fromString(t, Qt::ISODate) : QDate();
}

std::optional<double> parseFinite(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// 2 -> "2.0", 1.25 -> "1.25": weights read as weights.
QString formatNumber(double value)
{
    const double tenths = value * 10;
    return tenths == std::floor(tenths) ? QString::number(value, 'f', 1) : QString::number(value, 'g', 6);
}

QString roleWords(Role role)
{
    return role == Role::Operations ? Cli::tr("operations") : Cli::tr("developer");
}

QString shiftStateWords(ShiftState state)
{
    switch (state) {
    case ShiftState::Planned:
        break;
    case ShiftState::Published:
        return Cli::tr("published");
    case ShiftState::Locked:
        return Cli::tr("locked");
    }
    return Cli::tr("planned");
}

QString seatWords(Seat seat)
{
    return seat == Seat::Ops ? Cli::tr("ops") : Cli::tr("dev");
}

QString swapKindWords(SwapKind kind)
{
    return kind == SwapKind::Cover ? Cli::tr("cover") : Cli::tr("swap");
}

QString swapStateWords(SwapState state)
{
    switch (state) {
    case SwapState::Pending:
        return Cli::tr("pending");
    case SwapState::Accepted:
        return Cli::tr("accepted");
    case SwapState::Declined:
        return Cli::tr("declined");
    case SwapState::Approved:
        return Cli::tr("approved");
    case SwapState::Cancelled:
        return Cli::tr("cancelled");
    case SwapState::Applied:
        return Cli::tr("applied");
    }
    return swapStateToString(state);
}

QString dayAndTime(const QDateTime &local)
{
    // The locale's own short weekdays, read once (a month of 100 rotations is thousands of
    // lines); a trailing period ("Mo.") is dropped as the column reads like a date stamp.
    static const std::array<QString, 7> days = [] {
        std::array<QString, 7> names;
        for (int day = 1; day <= 7; ++day) {
            QString name = QLocale().dayName(day, QLocale::ShortFormat);
            if (name.endsWith(u'.')) {
                name.chop(1);
            }
            names[size_t(day - 1)] = name;
        }
        return names;
    }();
    const QDate d = local.date();
    const QTime t = local.time();
    if (!local.isValid() || d.year() < 1000 || d.year() > 9999) {
        return QLocale::c().toString(local, u"ddd yyyy-MM-dd HH:mm"_s);
    }
    // "yyyy-MM-dd HH:mm" by hand: QLocale's format parser per line was a fifth of shifts list.
    char text[16];
    const auto digits = [&text](int offset, int value, int count) {
        for (int i = count - 1; i >= 0; --i, value /= 10) {
            text[offset + i] = char('0' + value % 10);
        }
    };
    digits(0, d.year(), 4);
    text[4] = '-';
    digits(5, d.month(), 2);
    text[7] = '-';
    digits(8, d.day(), 2);
    text[10] = ' ';
    digits(11, t.hour(), 2);
    text[13] = ':';
    digits(14, t.minute(), 2);
    return days[size_t(d.dayOfWeek() - 1)] + u' ' + QLatin1StringView(text, sizeof(text));
}

} // namespace Tandem::CliSupport
