#include "shiftrangemodel.h"

#include "domain/changeentry.h"
#include "domain/deserialize.h"
#include "domain/rotationcolors.h"
#include "planner/windowcut.h"
#include "services/rangereader.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/rulepass.h"
#include "services/servicecatalog.h"
#include "services/shiftservice.h"
#include "store/database.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cstring>
#include <tuple>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcShiftRange, "tandem.shiftrange")

namespace Tandem {

namespace {

/// How long the range stays put before the days around it are read ahead.
constexpr int ReadAheadDelayMs = 200;

// The parts of [from, to) outside [oldFrom, oldTo) (which it overlaps): the days before the old
// range and those after it.
QList<QPair<QDateTime, QDateTime>> newSpans(const QDateTime &from, const QDateTime &to, const QDateTime &oldFrom,
                                            const QDateTime &oldTo)
{
    QList<QPair<QDateTime, QDateTime>> spans;
    for (const auto &[begin, end] : {std::pair{from, std::min(oldFrom, to)}, std::pair{std::max(oldTo, from), to}}) {
        if (begin < end) {
            spans.append({begin, end});
        }
    }
    return spans;
}

// The rows' order: by start, end and id, the same however the rows were read (the whole range
// at once or the days a scroll brought into view), so that reread() finds them in place.
void sortShifts(QList<Shift> &shifts)
{
    struct Key
    {
        qint64 start;
        qint64 end;
        QUuid id;
        qsizetype index;
    };
    std::vector<Key> keys;
    keys.reserve(size_t(shifts.size()));
    for (qsizetype i = 0; i < shifts.size(); ++i) {
        const Shift &s = shifts.at(i);
        keys.push_back({s.start.toSecsSinceEpoch(), s.end.toSecsSinceEpoch(), s.id.uuid(), i});
    }
    const auto less = [](const Key &a, const Key &b) {
        if (a.start != b.start || a.end != b.end) {
            return std::tie(a.start, a.end) < std::tie(b.start, b.end);
        }
        if (a.id.data1 != b.id.data1 || a.id.data2 != b.id.data2 || a.id.data3 != b.id.data3) {
            return std::tie(a.id.data1, a.id.data2, a.id.data3) < std::tie(b.id.data1, b.id.data2, b.id.data3);
        }
        return std::memcmp(a.id.data4, b.id.data4, sizeof(a.id.data4)) < 0;
    };
    if (std::is_sorted(keys.cbegin(), keys.cend(), less)) {
        return;
    }
    std::sort(keys.begin(), keys.end(), less);
    QList<Shift> sorted;
    sorted.reserve(shifts.size());
    for (const Key &k : keys) {
        sorted.append(std::move(shifts[k.index]));
    }
    shifts = std::move(sorted);
}

} // namespace

const QList<QColor> &ShiftRangeModel::palette()
{
    return RotationColors::palette();
}

ShiftRangeModel::ShiftRangeModel(Database &db, RotationService &rotations, RosterService &roster, QObject *parent)
    : QAbstractListModel(parent), m_db(db), m_rotationService(rotations), m_roster(roster)
{
    loadReferenceData();
    connect(&m_db, &Database::committed, this, &ShiftRangeModel::onCommitted);
}

ShiftRangeModel::~ShiftRangeModel() = default;

QString ShiftRangeModel::shortName(const QString &fullName)
{
    const QString trimmed = fullName.trimmed();
    const qsizetype space = trimmed.indexOf(u' ');
    return space < 0 ? trimmed : trimmed.left(space);
}

void ShiftRangeModel::loadReferenceData()
{
    m_rotations.clear();
    m_rotationIndex.clear();
    if (auto rotations = m_rotationService.rotations()) {
        m_rotations = rotations.value();
    } else {
        m_lastError = rotations.errorMessage();
        qCWarning(lcShiftRange) << "rotations:" << m_lastError;
    }
    for (int i = 0; i < m_rotations.size(); ++i) {
        m_rotationIndex.insert(m_rotations.at(i).id, i);
    }
    m_people.clear();
    if (auto people = m_roster.people()) {
        for (const Person &p : people.value()) {
            m_people.insert(p.id, p);
        }
    } else {
        m_lastError = people.errorMessage();
        qCWarning(lcShiftRange) << "people:" << m_lastError;
    }
    // Sorted once here: views ask on every range change, and locale-aware comparisons of a
    // roster of hundreds add up.
    m_sortedPeople = m_people.values();
    std::sort(m_sortedPeople.begin(), m_sortedPeople.end(),
              [](const Person &a, const Person &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    m_teams.clear();
    if (auto teams = m_roster.teams()) {
        m_teams = teams.value();
    } else {
        m_lastError = teams.errorMessage();
        qCWarning(lcShiftRange) << "teams:" << m_lastError;
    }
    m_holidays.clear();
    for (const Team &team : std::as_const(m_teams)) {
        if (!m_teamFilter.isNull() && team.id != m_teamFilter) {
            continue;
        }
        auto holidays = m_roster.holidays(team.id);
        if (!holidays) {
            m_lastError = holidays.errorMessage();
            qCWarning(lcShiftRange) << "holidays:" << m_lastError;
            continue;
        }
        for (const Holiday &h : holidays.value()) {
            m_holidays.insert(h.date,
                              m_holidays.contains(h.date) ? m_holidays.value(h.date) + u", "_s + h.name : h.name);
        }
    }
}

std::optional<Rotation> ShiftRangeModel::rotation(RotationId id) const
{
    const int i = m_rotationIndex.value(id, -1);
    if (i >= 0) {
        return m_rotations.at(i);
    }
    // A removed rotation still names its past shifts.
    auto found = m_rotationService.rotation(id);
    return found ? found.value() : std::nullopt;
}

QString ShiftRangeModel::rotationName(RotationId id) const
{
    if (const int i = m_rotationIndex.value(id, -1); i >= 0) {
        return m_rotations.at(i).name;
    }
    const auto rot = rotation(id);
    return rot ? rot->name : QString();
}

QColor ShiftRangeModel::rotationColor(RotationId id) const
{
    const auto rot = rotation(id);
    return rot ? RotationColors::of(*rot, m_rotationIndex.value(id, 0)) : QColor(Qt::gray);
}

std::optional<Person> ShiftRangeModel::person(PersonId id) const
{
    auto it = m_people.constFind(id);
    if (it == m_people.cend()) {
        return std::nullopt;
    }
    return *it;
}

QList<Person> ShiftRangeModel::people() const
{
    return m_sortedPeople;
}

int ShiftRangeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shifts.size());
}

Shift ShiftRangeModel::shiftAt(const QModelIndex &index) const
{
    return index.isValid() && index.row() < m_shifts.size() ? m_shifts.at(index.row()) : Shift();
}

QModelIndex ShiftRangeModel::indexOf(ShiftId id) const
{
    for (int row = 0; row < m_shifts.size(); ++row) {
        if (m_shifts.at(row).id == id) {
            return index(row);
        }
    }
    return {};
}

int ShiftRangeModel::problemsOf(int row) const
{
    const Shift &s = m_shifts.at(row);
    int flags = NoProblem;
    if (s.dev.isNull()) {
        flags |= DevGap;
    }
    if (s.ops.isNull()) {
        flags |= OpsGap;
    }
    if (m_ruleProblems.contains(s.id)) {
        flags |= HardRule;
    }
    if (m_softProblems.contains(s.id)) {
        flags |= SoftRule;
    }
    return flags;
}

bool ShiftRangeModel::isCheckingRules() const
{
    // A pass that has finished in its thread may still have its findings on the way here.
    return (m_ruleTimer && m_ruleTimer->isActive()) ||
           (m_ruleGeneration != 0 && m_rulePass && (m_rulePass->isBusy() || m_shownGeneration != m_ruleGeneration));
}

void ShiftRangeModel::setRuleCheckDelay(int ms)
{
    m_ruleDelay = std::max(0, ms);
}

void ShiftRangeModel::scheduleRuleCheck()
{
    if (!m_ruleChecks) {
        return;
    }
    if (m_ruleDelay <= 0) {
        checkRules();
        return;
    }
    if (!m_ruleTimer) {
        m_ruleTimer = new QTimer(this);
        m_ruleTimer->setSingleShot(true);
        connect(m_ruleTimer, &QTimer::timeout, this, &ShiftRangeModel::checkRules);
    }
    // The findings of a pass over an earlier range are moot; a pass still queued is skipped.
    m_ruleGeneration = 0;
    if (m_rulePass) {
        m_rulePass->cancel();
    }
    m_ruleTimer->start(m_ruleDelay);
}

void ShiftRangeModel::checkRules()
{
    if (m_ruleTimer) {
        m_ruleTimer->stop();
    }
    if (!m_ruleChecks) {
        return;
    }
    QList<RotationId> rotations;
    m_checkedRotations.clear();
    for (const Shift &s : std::as_const(m_shifts)) {
        if (!m_checkedRotations.contains(s.rotationId)) {
            m_checkedRotations.insert(s.rotationId);
            rotations.append(s.rotationId);
        }
    }
    if (rotations.isEmpty()) {
        m_ruleGeneration = 0;
        setProblems({}, {});
        Q_EMIT rulesChecked();
        return;
    }
    if (!m_rulePass) {
        m_rulePass = new RulePass(m_db, this);
        connect(m_rulePass, &RulePass::finished, this, &ShiftRangeModel::applyFindings);
    }
    m_ruleGeneration = m_rulePass->check(rotations, m_from.date(), m_to.date());
}

void ShiftRangeModel::applyFindings(const RuleFindings &findings)
{
    if (!m_ruleChecks || findings.generation != m_ruleGeneration) {
        return; // the range or the filters changed meanwhile: a newer pass is under way
    }
    m_shownGeneration = findings.generation;
    if (!findings.error.isEmpty()) {
        m_lastError = findings.error;
        Q_EMIT rulesChecked();
        return;
    }
    QHash<ShiftId, QStringList> hard;
    QHash<ShiftId, QStringList> soft;
    if (!findings.complete) {
        hard = m_ruleProblems;
        soft = m_softProblems;
        for (const ShiftId &id : findings.checked) {
            hard.remove(id);
            soft.remove(id);
        }
    }
    for (const SeatProblem &p : findings.problems) {
        QString text = p.text;
        if (text.endsWith(u'.')) {
            text.chop(1);
        }
        QStringList &texts = p.soft ? soft[p.shift] : hard[p.shift];
        if (!texts.contains(text)) {
            texts << text;
        }
    }
    setProblems(std::move(hard), std::move(soft));
    Q_EMIT rulesChecked();
}

void ShiftRangeModel::setProblems(QHash<ShiftId, QStringList> hard, QHash<ShiftId, QStringList> soft)
{
    if (hard == m_ruleProblems && soft == m_softProblems) {
        return;
    }
    std::swap(hard, m_ruleProblems);
    std::swap(soft, m_softProblems);
    // One signal for the whole batch, from the first to the last row that changed: a pass that
    // flags thousands of shifts costs the views one update, not one each.
    const auto differs = [](const QHash<ShiftId, QStringList> &a, const QHash<ShiftId, QStringList> &b,
                            const ShiftId &id) {
        const auto x = a.constFind(id);
        const auto y = b.constFind(id);
        const bool inA = x != a.cend();
        const bool inB = y != b.cend();
        return inA != inB || (inA && *x != *y);
    };
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_shifts.size(); ++row) {
        const ShiftId &id = m_shifts.at(row).id;
        if (differs(hard, m_ruleProblems, id) || differs(soft, m_softProblems, id)) {
            first = first < 0 ? row : first;
            last = row;
        }
    }
    if (first >= 0) {
        Q_EMIT dataChanged(index(first), index(last), {ProblemsRole, ProblemTextRole, ToolTipRole});
    }
}

QString ShiftRangeModel::problemText(int row) const
{
    const Shift &s = m_shifts.at(row);
    QStringList parts;
    if (s.dev.isNull()) {
        parts << tr("No developer");
    }
    if (s.ops.isNull()) {
        parts << tr("No ops engineer");
    }
    parts << m_ruleProblems.value(s.id) << m_softProblems.value(s.id);
    return parts.join(u"; "_s);
}

QString ShiftRangeModel::tooltip(const Shift &s) const
{
    const QLocale locale;
    auto seat = [&](const QString &role, PersonId id) {
        const auto p = person(id);
        if (!p) {
            return tr("<b>%1:</b> <i>gap: nobody</i>").arg(role);
        }
        QStringList contact;
        if (!p->phone.isEmpty()) {
            contact << p->phone.toHtmlEscaped();
        }
        if (!p->email.isEmpty()) {
            contact << p->email.toHtmlEscaped();
        }
        return tr("<b>%1:</b> %2 <small>%3</small>").arg(role, p->name.toHtmlEscaped(), contact.join(u" · "_s));
    };
    auto span = [&](const QTimeZone &zone) {
        const QDateTime a = s.start.toTimeZone(zone);
        const QDateTime b = s.end.toTimeZone(zone);
        return tr("%1 – %2 %3")
            .arg(locale.toString(a, u"ddd d MMM HH:mm"_s), locale.toString(b, u"ddd d MMM HH:mm"_s),
                 QString::fromUtf8(zone.id()));
    };
    const auto rot = rotation(s.rotationId);
    QStringList lines;
    lines << u"<b>"_s + (rot ? rot->name.toHtmlEscaped() : tr("Removed rotation")) + u"</b>"_s;
    lines << seat(tr("Developer"), s.dev) << seat(tr("Ops"), s.ops);
    if (!s.shadow.isNull()) {
        lines << seat(tr("Shadow (onboarding, no production access)"), s.shadow);
    }
    lines << span(m_viewerZone);
    if (rot && QTimeZone(rot->timeZone.toUtf8()).isValid() && rot->timeZone.toUtf8() != m_viewerZone.id()) {
        lines << tr("Rotation zone: %1").arg(span(QTimeZone(rot->timeZone.toUtf8())));
    }
    lines << tr("State: %1").arg(shiftStateToString(s.state));
    if (!s.note.isEmpty()) {
        lines << tr("Handoff note: %1").arg(s.note.toHtmlEscaped());
    }
    const int row = int(std::find_if(m_shifts.cbegin(), m_shifts.cend(), [&](const Shift &x) { return x.id == s.id; }) -
                        m_shifts.cbegin());
    if (row < m_shifts.size()) {
        if (const QString problems = problemText(row); !problems.isEmpty()) {
            lines << u"<span style='color:#b00020'>"_s + problems.toHtmlEscaped() + u"</span>"_s;
        }
    }
    return lines.join(u"<br>"_s);
}

QVariant ShiftRangeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Shift &s = m_shifts.at(index.row());
    const auto personName = [this](PersonId id, bool shortForm) -> QString {
        const auto p = person(id);
        if (!p) {
            return id.isNull() ? QString() : tr("(removed)");
        }
        return shortForm ? shortName(p->name) : p->name;
    };
    const auto contact = [this](PersonId id) -> QString {
        const auto p = person(id);
        if (!p) {
            return {};
        }
        QStringList parts;
        for (const QString &part : {p->phone, p->email, p->chat}) {
            if (!part.isEmpty()) {
                parts << part;
            }
        }
        return parts.join(u" · "_s);
    };
    const int rotationIndex = m_rotationIndex.value(s.rotationId, 0);
    switch (role) {
    case PairLabelRole: {
        const QString dev = s.dev.isNull() ? tr("gap") : personName(s.dev, true);
        const QString ops = s.ops.isNull() ? tr("gap") : personName(s.ops, true);
        if (!s.shadow.isNull()) {
            return tr("%1 + %2, %3 shadowing").arg(dev, ops, personName(s.shadow, true));
        }
        return tr("%1 + %2").arg(dev, ops);
    }
    case ToolTipRole:
        return tooltip(s);
    case IdRole:
        return QVariant::fromValue(s.id);
    case RotationIdRole:
        return s.rotationId.toString();
    case RotationNameRole:
        return rotationName(s.rotationId);
    case RotationColorRole: {
        const auto rot = rotation(s.rotationId);
        return rot ? RotationColors::of(*rot, rotationIndex) : QColor(Qt::gray);
    }
    case RotationIndexRole:
        return rotationIndex;
    case RotationTimeZoneRole: {
        const auto rot = rotation(s.rotationId);
        return rot ? rot->timeZone : QString();
    }
    case TeamIdRole: {
        const auto rot = rotation(s.rotationId);
        return rot ? rot->teamId.toString() : QString();
    }
    case StartRole:
        return s.start;
    case EndRole:
        return s.end;
    case DevIdRole:
        return QVariant::fromValue(s.dev);
    case OpsIdRole:
        return QVariant::fromValue(s.ops);
    case DevShortNameRole:
        return personName(s.dev, true);
    case OpsShortNameRole:
        return personName(s.ops, true);
    case DevNameRole:
        return personName(s.dev, false);
    case OpsNameRole:
        return personName(s.ops, false);
    case DevContactRole:
        return contact(s.dev);
    case OpsContactRole:
        return contact(s.ops);
    case StateRole:
        return int(s.state);
    case NoteRole:
        return s.note;
    case BridgeRole:
        return s.bridgeUrl;
    case ProblemsRole:
        return problemsOf(index.row());
    case ProblemTextRole:
        return problemText(index.row());
    case HighlightRole:
        return !m_highlight.isNull() && (s.dev == m_highlight || s.ops == m_highlight);
    default:
        return {};
    }
}

QHash<int, QByteArray> ShiftRangeModel::roleNames() const
{
    return {
        {PairLabelRole, "pairLabel"},
        {ToolTipRole, "toolTip"},
        {IdRole, "shiftId"},
        {RotationIdRole, "rotationId"},
        {RotationNameRole, "rotationName"},
        {RotationColorRole, "rotationColor"},
        {RotationIndexRole, "rotationIndex"},
        {RotationTimeZoneRole, "rotationTimeZone"},
        {TeamIdRole, "teamId"},
        {StartRole, "start"},
        {EndRole, "end"},
        {DevIdRole, "devId"},
        {OpsIdRole, "opsId"},
        {DevShortNameRole, "devShortName"},
        {OpsShortNameRole, "opsShortName"},
        {DevNameRole, "devName"},
        {OpsNameRole, "opsName"},
        {DevContactRole, "devContact"},
        {OpsContactRole, "opsContact"},
        {StateRole, "state"},
        {NoteRole, "note"},
        {BridgeRole, "bridgeUrl"},
        {ProblemsRole, "problems"},
        {ProblemTextRole, "problemText"},
        {HighlightRole, "highlight"},
    };
}

void ShiftRangeModel::setRange(const QDateTime &from, const QDateTime &to)
{
    dropRequest();
    if (from == m_from && to == m_to) {
        return;
    }
    const QDateTime oldFrom = m_from;
    const QDateTime oldTo = m_to;
    m_from = from.toUTC();
    m_to = to.toUTC();
    if (!slide(oldFrom, oldTo)) {
        reset();
    }
    Q_EMIT rangeChanged();
}

bool ShiftRangeModel::canSlide(const QDateTime &oldFrom, const QDateTime &oldTo, const QDateTime &from,
                               const QDateTime &to) const
{
    // A scrolling timeline or the next month keeps most of what it shows, unless another
    // connection (the sync, another process) wrote to the file since the rows were read.
    return oldFrom.isValid() && oldTo.isValid() && from.isValid() && to.isValid() && oldFrom < oldTo && from < to &&
           from < oldTo && oldFrom < to && m_readVersion >= 0 && m_db.dataVersion() == m_readVersion;
}

QList<Shift> ShiftRangeModel::keptAnd(const QList<Shift> &read) const
{
    QList<Shift> shifts;
    QSet<ShiftId> shown;
    for (const Shift &s : std::as_const(m_shifts)) {
        if (s.end > m_from && s.start < m_to) {
            shifts.append(s);
            shown.insert(s.id);
        }
    }
    for (const Shift &s : read) {
        if (s.end > m_from && s.start < m_to && !shown.contains(s.id)) {
            shown.insert(s.id);
            shifts.append(s);
        }
    }
    sortShifts(shifts);
    return shifts;
}

bool ShiftRangeModel::slide(const QDateTime &oldFrom, const QDateTime &oldTo)
{
    // Only the days that came into view are read.
    if (!canSlide(oldFrom, oldTo, m_from, m_to)) {
        return false;
    }
    const ShiftFilter filter = readFilter();
    QList<Shift> read;
    for (const auto &[begin, end] : newSpans(m_from, m_to, oldFrom, oldTo)) {
        if (auto ahead = readAheadFor(begin, end)) {
            read.append(*ahead);
            continue;
        }
        auto found = m_rotationService.matchingShifts(begin, end, filter);
        if (!found) {
            qCWarning(lcShiftRange) << "shifts:" << found.errorMessage();
            return false;
        }
        read.append(found.value());
    }
    resetTo(keptAnd(read));
    return true;
}

void ShiftRangeModel::requestRange(const QDateTime &from, const QDateTime &to)
{
    const QDateTime f = from.toUTC();
    const QDateTime t = to.toUTC();
    if (m_readTicket != 0 && m_requested == qMakePair(f, t)) {
        return; // under way
    }
    if (f == m_from && t == m_to) {
        dropRequest();
        return;
    }
    if (!canSlide(m_from, m_to, f, t)) {
        setRange(f, t);
        return;
    }
    if (!m_reader) {
        m_reader = new RangeReader(m_db, this);
        connect(m_reader, &RangeReader::finished, this, &ShiftRangeModel::applyRead);
    }
    m_requested = {f, t};
    m_requestedRows = m_rowsGeneration;
    m_readTicket = m_reader->read(newSpans(f, t, m_from, m_to), readFilter());
}

void ShiftRangeModel::setReadAhead(bool enabled)
{
    m_readAheadEnabled = enabled;
    if (!enabled) {
        m_aheadTicket = 0;
        m_aheadSpans.clear();
        m_ahead.clear();
    }
}

void ShiftRangeModel::readAround()
{
    if (!m_readAheadEnabled || !m_from.isValid() || !m_to.isValid() || m_from >= m_to) {
        return;
    }
    if (!m_aheadReader) {
        m_aheadReader = new RangeReader(m_db, this);
        connect(m_aheadReader, &RangeReader::finished, this, &ShiftRangeModel::applyAhead);
    }
    const qint64 length = m_from.secsTo(m_to);
    m_aheadSpans = {{m_from.addSecs(-length), m_from}, {m_to, m_to.addSecs(length)}};
    m_ahead.clear();
    m_aheadWrites = m_writes;
    m_aheadTicket = m_aheadReader->read(m_aheadSpans, readFilter());
}

void ShiftRangeModel::applyAhead(const RangeRead &read)
{
    if (m_aheadTicket == 0 || read.ticket != m_aheadTicket) {
        return;
    }
    m_aheadTicket = 0;
    if (!read.error.isEmpty() || m_writes != m_aheadWrites) {
        m_aheadSpans.clear(); // failed, or this connection wrote meanwhile: the read may have missed it
        return;
    }
    m_ahead = read.shifts;
}

QList<QPair<QDateTime, QDateTime>> ShiftRangeModel::readAhead() const
{
    if (m_aheadTicket != 0 || m_writes != m_aheadWrites) {
        return {};
    }
    return m_aheadSpans;
}

std::optional<QList<Shift>> ShiftRangeModel::readAheadFor(const QDateTime &from, const QDateTime &to) const
{
    // Only what was read after the rows kept (no other connection wrote since they were read:
    // canSlide()) and before any write of this one.
    if (m_aheadTicket != 0 || m_writes != m_aheadWrites) {
        return std::nullopt;
    }
    for (const auto &[begin, end] : m_aheadSpans) {
        if (begin <= from && to <= end) {
            QList<Shift> shifts;
            for (const Shift &s : m_ahead) {
                if (s.end > from && s.start < to) {
                    shifts.append(s);
                }
            }
            return shifts;
        }
    }
    return std::nullopt;
}

void ShiftRangeModel::dropRequest()
{
    m_readTicket = 0;
    m_requested = {};
}

void ShiftRangeModel::applyRead(const RangeRead &read)
{
    if (m_readTicket == 0 || read.ticket != m_readTicket) {
        return; // moot: a newer range or filter was set meanwhile
    }
    const auto [from, to] = m_requested;
    dropRequest();
    if (m_rowsGeneration != m_requestedRows) {
        // A commit of this connection changed the rows meanwhile; the read may not have seen it.
        requestRange(from, to);
        return;
    }
    if (!read.error.isEmpty() || m_db.dataVersion() != m_readVersion) {
        // Another connection wrote meanwhile (or the read failed): the whole range, at once.
        setRange(from, to);
        return;
    }
    m_from = from;
    m_to = to;
    resetTo(keptAnd(read.shifts));
    Q_EMIT rangeChanged();
}

void ShiftRangeModel::setTeamFilter(TeamId team)
{
    if (team != m_teamFilter) {
        dropRequest();
        m_teamFilter = team;
        loadReferenceData();
        reset();
        Q_EMIT referenceDataChanged();
    }
}

void ShiftRangeModel::setRotationFilter(RotationId rotation)
{
    if (rotation != m_rotationFilter) {
        dropRequest();
        m_rotationFilter = rotation;
        reset();
    }
}

void ShiftRangeModel::setServiceFilter(ServiceId service)
{
    if (service == m_service.id) {
        return;
    }
    dropRequest();
    m_service = {};
    m_serviceLegs.clear();
    if (!service.isNull()) {
        auto found = ServiceCatalog(m_db).service(service);
        if (!found || !found.value()) {
            m_lastError = found ? tr("No service with id %1").arg(service.toString()) : found.errorMessage();
            qCWarning(lcShiftRange) << "service filter:" << m_lastError;
        } else {
            m_service = *found.value();
            m_serviceLegs = QSet<RotationId>(m_service.legs.cbegin(), m_service.legs.cend());
        }
    }
    reset();
}

std::optional<Service> ShiftRangeModel::service() const
{
    return m_service.id.isNull() ? std::nullopt : std::optional<Service>(m_service);
}

ShiftFilter ShiftRangeModel::readFilter() const
{
    if (m_service.id.isNull()) {
        return ShiftFilter{m_rotationFilter, m_teamFilter, m_personFilter};
    }
    // One leg reads through the rotation's index; several are read together and sorted out
    // (ofService()).
    return ShiftFilter{m_service.legs.size() == 1 ? m_service.legs.first() : RotationId(), m_teamFilter,
                       m_personFilter};
}

QList<Shift> ShiftRangeModel::ofService(QList<Shift> shifts) const
{
    if (!m_service.id.isNull()) {
        shifts.removeIf([this](const Shift &s) { return !m_serviceLegs.contains(s.rotationId); });
    }
    return shifts;
}

void ShiftRangeModel::setPersonFilter(PersonId person)
{
    if (person != m_personFilter) {
        dropRequest();
        m_personFilter = person;
        reset();
    }
}

void ShiftRangeModel::setHighlightPerson(PersonId person)
{
    if (person == m_highlight) {
        return;
    }
    m_highlight = person;
    if (!m_shifts.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(int(m_shifts.size()) - 1), {HighlightRole});
    }
}

void ShiftRangeModel::setRuleChecksEnabled(bool enabled)
{
    if (enabled == m_ruleChecks) {
        return;
    }
    m_ruleChecks = enabled;
    if (enabled) {
        checkRules();
    } else {
        m_ruleGeneration = 0;
        if (m_ruleTimer) {
            m_ruleTimer->stop();
        }
        setProblems({}, {});
    }
}

void ShiftRangeModel::setViewerTimeZone(const QTimeZone &zone)
{
    m_viewerZone = zone;
    if (!m_shifts.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(int(m_shifts.size()) - 1), {ToolTipRole});
    }
}

QList<Shift> ShiftRangeModel::query() const
{
    if (!m_from.isValid() || !m_to.isValid() || m_from >= m_to) {
        return {};
    }
    // The filters are part of the query: a team's month reads the team's shifts only.
    auto shifts = m_rotationService.matchingShifts(m_from, m_to, readFilter());
    if (!shifts) {
        qCWarning(lcShiftRange) << "shifts:" << shifts.errorMessage();
        return {};
    }
    QList<Shift> result = ofService(std::move(shifts).value());
    sortShifts(result);
    return result;
}

void ShiftRangeModel::reset()
{
    ++m_writes;
    const qint64 version = m_db.dataVersion();
    resetTo(query());
    m_readVersion = version;
}

void ShiftRangeModel::resetTo(QList<Shift> shifts)
{
    beginResetModel();
    ++m_rowsGeneration;
    m_shifts = ofService(std::move(shifts));
    // Shifts still shown keep their problems until the rule pass has looked again: nothing
    // flickers where two ranges overlap.
    QSet<ShiftId> shown;
    for (const Shift &s : std::as_const(m_shifts)) {
        shown.insert(s.id);
    }
    for (auto *problems : {&m_ruleProblems, &m_softProblems}) {
        problems->removeIf([&shown](const auto &entry) { return !shown.contains(entry.key()); });
    }
    endResetModel();
    loadTimeOff();
    updateUncovered();
    scheduleRuleCheck();
    if (m_readAheadEnabled) {
        // Once the range stays put for a moment (not between the moves of a scroll).
        if (!m_aheadTimer) {
            m_aheadTimer = new QTimer(this);
            m_aheadTimer->setSingleShot(true);
            connect(m_aheadTimer, &QTimer::timeout, this, &ShiftRangeModel::readAround);
        }
        m_aheadTimer->start(ReadAheadDelayMs);
    }
}

void ShiftRangeModel::loadTimeOff()
{
    m_timeOff.clear();
    if (!m_from.isValid() || !m_to.isValid()) {
        return;
    }
    auto found = m_roster.timeOffBetween(m_from.date().addDays(-1), m_to.date().addDays(1));
    if (!found) {
        qCWarning(lcShiftRange) << "time off:" << found.errorMessage();
        return;
    }
    for (const TimeOff &t : found.value()) {
        const auto p = person(t.personId);
        if (p && (m_teamFilter.isNull() || p->teams.contains(m_teamFilter))) {
            m_timeOff.append(t);
        }
    }
}

QList<Person> ShiftRangeModel::onLeave(QDate day) const
{
    QList<Person> result;
    for (const TimeOff &t : m_timeOff) {
        if (t.from <= day && day <= t.to) {
            const auto p = person(t.personId);
            if (p && !result.contains(*p)) {
                result.append(*p);
            }
        }
    }
    std::sort(result.begin(), result.end(),
              [](const Person &a, const Person &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    return result;
}

void ShiftRangeModel::updateUncovered()
{
    QList<UncoveredSlot> found;
    if (m_personFilter.isNull() && m_from.isValid() && m_to.isValid() && m_from < m_to) {
        // Each rotation's shifts, in one pass over the rows (not one pass per rotation).
        QHash<RotationId, QList<QPair<QDateTime, QDateTime>>> heldBy;
        for (const Shift &shift : std::as_const(m_shifts)) {
            heldBy[shift.rotationId].append({shift.start, shift.end});
        }
        for (const Rotation &r : std::as_const(m_rotations)) {
            if ((!m_service.id.isNull() && !m_serviceLegs.contains(r.id)) ||
                (m_service.id.isNull() && !m_rotationFilter.isNull() && r.id != m_rotationFilter) ||
                (!m_teamFilter.isNull() && r.teamId != m_teamFilter)) {
                continue;
            }
            // The rotation's on-call time (its slots from its start date, in its own zone, on the
            // days it runs), minus every shift of it: what is left has nobody at all. A slot that
            // started before the range may run into it. The range's shifts are all here.
            QList<QPair<QDateTime, QDateTime>> held = heldBy.value(r.id);
            std::sort(held.begin(), held.end());
            // Shifts that cover the range without a break leave no slot uncovered, whatever the
            // slots are: the usual planned month costs no slots (each a conversion to the zone).
            QDateTime covered = m_from;
            for (const auto &[start, stop] : std::as_const(held)) {
                if (start > covered || covered >= m_to) {
                    break;
                }
                covered = std::max(covered, stop);
            }
            if (covered >= m_to) {
                continue;
            }
            const int daysBack = r.shiftMinutes / (24 * 60) + 2;
            for (const Planner::Slot &slot :
                 Planner::generateWindowSlots(r, m_from.date().addDays(-daysBack), m_to.date().addDays(1))) {
                QDateTime at = std::max(slot.start, m_from);
                const QDateTime end = std::min(slot.end, m_to);
                for (const auto &[start, stop] : std::as_const(held)) {
                    if (at >= end) {
                        break;
                    }
                    if (stop <= at) {
                        continue;
                    }
                    if (start > at) {
                        found.append({r.id, at, std::min(start, end)});
                    }
                    at = std::max(at, stop);
                }
                if (at < end) {
                    found.append({r.id, at, end});
                }
            }
        }
        std::sort(found.begin(), found.end(), [](const UncoveredSlot &a, const UncoveredSlot &b) {
            return a.rotation < b.rotation || (a.rotation == b.rotation && a.start < b.start);
        });
        // Adjacent stretches of one rotation read as one: "no shift for three weeks".
        QList<UncoveredSlot> merged;
        for (const UncoveredSlot &u : std::as_const(found)) {
            if (!merged.isEmpty() && merged.last().rotation == u.rotation && merged.last().end >= u.start) {
                merged.last().end = std::max(merged.last().end, u.end);
            } else if (u.start.secsTo(u.end) >= 60) {
                merged.append(u);
            }
        }
        found = merged;
        std::sort(found.begin(), found.end(), [](const UncoveredSlot &a, const UncoveredSlot &b) {
            return a.start < b.start || (a.start == b.start && a.rotation < b.rotation);
        });
    }
    const QList<Reports::ServiceHole> before = m_serviceHoles;
    updateServiceHoles();
    const auto sameHoles = [](const QList<Reports::ServiceHole> &a, const QList<Reports::ServiceHole> &b) {
        return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const auto &x, const auto &y) {
            return x.start == y.start && x.end == y.end && x.kind == y.kind;
        });
    };
    if (found != m_uncovered || !sameHoles(before, m_serviceHoles)) {
        m_uncovered = found;
        Q_EMIT uncoveredChanged();
    }
}

void ShiftRangeModel::updateServiceHoles()
{
    m_serviceHoles.clear();
    if (m_service.id.isNull() || !m_personFilter.isNull() || !m_from.isValid() || !m_to.isValid() || m_from >= m_to) {
        return;
    }
    // The same merge as the service's coverage report, over the rows (all the legs' shifts of
    // the range are here): a hole the report names is the hole the timeline marks.
    Reports::ServiceCoverageInput input;
    input.service = m_service;
    for (const Rotation &r : std::as_const(m_rotations)) {
        if (m_serviceLegs.contains(r.id)) {
            input.rotations.append(r);
        }
    }
    input.shifts = m_shifts;
    input.people = m_people;
    input.from = m_from.toUTC();
    input.to = m_to.toUTC();
    m_serviceHoles = Reports::serviceCoverage(input).holes;
}

void ShiftRangeModel::refresh()
{
    reread(nullptr);
}

void ShiftRangeModel::reread(const ShiftEdit *edits)
{
    const qint64 version = m_db.dataVersion();
    const QList<Shift> fresh = query();
    m_readVersion = version;
    ++m_rowsGeneration;
    ++m_writes;
    // Remove rows that are gone, back to front so that rows keep their numbers.
    QSet<ShiftId> freshIds;
    for (const Shift &s : fresh) {
        freshIds.insert(s.id);
    }
    for (int row = int(m_shifts.size()) - 1; row >= 0; --row) {
        if (!freshIds.contains(m_shifts.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_shifts.removeAt(row);
            endRemoveRows();
        }
    }
    // Walk the fresh list in order: update rows in place, insert new ones where they belong.
    // A shift whose start moved past a neighbour is moved by remove + insert.
    for (int i = 0; i < fresh.size(); ++i) {
        const Shift &s = fresh.at(i);
        if (i < m_shifts.size() && m_shifts.at(i).id == s.id) {
            if (!(m_shifts.at(i) == s)) {
                m_shifts[i] = s;
                Q_EMIT dataChanged(index(i), index(i));
            }
            continue;
        }
        const QModelIndex existing = indexOf(s.id);
        if (existing.isValid()) {
            beginRemoveRows({}, existing.row(), existing.row());
            m_shifts.removeAt(existing.row());
            endRemoveRows();
        }
        beginInsertRows({}, i, i);
        m_shifts.insert(i, s);
        endInsertRows();
    }
    updateUncovered();
    if (!m_ruleChecks) {
        return;
    }
    // An edit of seats changes the rules of the shifts it touches; a new rotation in view, time
    // off, a person or a rule can change any of them.
    bool sameRotations = true;
    for (const Shift &s : std::as_const(m_shifts)) {
        sameRotations = sameRotations && m_checkedRotations.contains(s.rotationId);
    }
    if (edits && sameRotations && m_rulePass && m_ruleGeneration != 0) {
        m_rulePass->recheck(*edits);
    } else {
        checkRules();
    }
}

void ShiftRangeModel::onCommitted(const QList<ChangeEntry> &changes)
{
    bool shifts = false;
    bool reference = false;
    bool parsed = true;
    ShiftEdit edits;
    for (const ChangeEntry &e : changes) {
        if (e.entity != Entity::Shift) {
            reference = true;
            continue;
        }
        shifts = true;
        ShiftChange change;
        for (const auto &[json, shift] : {std::pair{&e.before, &change.before}, std::pair{&e.after, &change.after}}) {
            if (json->isEmpty()) {
                continue; // created or deleted
            }
            auto read = shiftFromJson(*json);
            parsed = parsed && read.ok();
            if (read) {
                *shift = read.value();
            }
        }
        edits.append(change);
    }
    if (reference) {
        loadReferenceData();
        loadTimeOff();
        if (!m_service.id.isNull()) {
            // The filtered service's legs may have changed, or the service may be gone.
            auto found = ServiceCatalog(m_db).service(m_service.id);
            if (found) {
                m_service = found.value() ? *found.value() : Service{};
                m_serviceLegs = QSet<RotationId>(m_service.legs.cbegin(), m_service.legs.cend());
            }
        }
        if (!m_shifts.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(int(m_shifts.size()) - 1));
        }
        Q_EMIT referenceDataChanged();
    }
    if (shifts || reference) {
        reread(reference || !parsed ? nullptr : &edits);
    }
}

} // namespace Tandem
