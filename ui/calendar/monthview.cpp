#include "monthview.h"

#include "calendaraccessible.h"
#include "domain/clock.h"
#include "domain/localeformat.h"
#include "domain/shift.h"
#include "itemmodels/shiftrangemodel.h"
#include "shiftbar.h"

#include <QAccessible>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

constexpr int HeaderHeight = 24;
constexpr int DayLabelHeight = 20;
constexpr int BarHeight = 19;
constexpr int BarGap = 2;
constexpr int EdgeGrip = 5;

using ShiftBar::tint;

} // namespace

MonthView::MonthView(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"monthView"_s);
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover);
    CalendarAccessible::install();
    setMonth(Clock::current().today());
    m_today = Clock::current().today();
    m_current = m_today;
}

ShiftRangeModel *MonthView::model() const
{
    return m_model;
}

void MonthView::setModel(ShiftRangeModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &MonthView::scheduleLayout);
        connect(model, &QAbstractItemModel::layoutChanged, this, &MonthView::scheduleLayout);
        connect(model, &QAbstractItemModel::rowsInserted, this, &MonthView::scheduleLayout);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MonthView::scheduleLayout);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                    // Problems, tooltips and highlights change how bars look, not where they are.
                    const bool moves = roles.isEmpty() || roles.contains(ShiftRangeModel::StartRole) ||
                                       roles.contains(ShiftRangeModel::EndRole);
                    if (moves) {
                        scheduleLayout();
                    } else {
                        update();
                    }
                });
        connect(model, &ShiftRangeModel::referenceDataChanged, this, &MonthView::scheduleLayout);
        connect(model, &ShiftRangeModel::uncoveredChanged, this, &MonthView::scheduleLayout);
    }
    scheduleLayout();
}

void MonthView::setMonth(QDate month)
{
    const QDate first(month.year(), month.month(), 1);
    m_month = first;
    m_gridStart = first.addDays(-(first.dayOfWeek() - 1));
    if (!m_current.isValid() || m_current < m_gridStart || m_current >= m_gridStart.addDays(42)) {
        m_current = first;
    }
    scheduleLayout();
}

void MonthView::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    scheduleLayout();
}

void MonthView::setToday(QDate today)
{
    m_today = today;
    update();
}

void MonthView::setCurrentDate(QDate date)
{
    if (date == m_current) {
        return;
    }
    m_current = date;
    Q_EMIT currentDateChanged(date);
    updateAccessibleName();
    update();
}

void MonthView::setCurrentShift(ShiftId id)
{
    if (id == m_currentShift) {
        return;
    }
    m_currentShift = id;
    Q_EMIT currentShiftChanged(id);
    updateAccessibleName();
    update();
}

void MonthView::updateAccessibleName()
{
    QString text = QLocale().toString(m_current, QLocale::LongFormat);
    if (m_model && !m_currentShift.isNull()) {
        const QModelIndex idx = m_model->indexOf(m_currentShift);
        if (idx.isValid()) {
            text += u", "_s + idx.data(ShiftRangeModel::RotationNameRole).toString() + u": "_s + idx.data().toString();
        }
    }
    setAccessibleDescription(text);
    notifyAccessibility(false);
}

void MonthView::notifyAccessibility(bool layout)
{
    CalendarAccessible::notify(this, layout);
}

QSize MonthView::sizeHint() const
{
    return {900, 640};
}

QSize MonthView::minimumSizeHint() const
{
    return {420, HeaderHeight + 6 * (DayLabelHeight + BarHeight + 4)};
}

QRect MonthView::cellRect(int index) const
{
    const int w = width() - 1;
    const int h = height() - HeaderHeight - 1;
    const int col = index % 7;
    const int row = index / 7;
    const int x0 = col * w / 7;
    const int x1 = (col + 1) * w / 7;
    const int y0 = HeaderHeight + row * h / 6;
    const int y1 = HeaderHeight + (row + 1) * h / 6;
    return QRect(x0, y0, x1 - x0, y1 - y0);
}

QRect MonthView::dayRect(QDate day) const
{
    const qint64 index = m_gridStart.daysTo(day);
    return index >= 0 && index < 42 ? cellRect(int(index)) : QRect();
}

int MonthView::lanesPerCell() const
{
    const int h = (height() - HeaderHeight) / 6 - DayLabelHeight - 2;
    return std::max(1, h / (BarHeight + BarGap));
}

MonthView::Span MonthView::span(int row) const
{
    const Shift &s = m_model->shiftAt(row);
    return spanOf(s.start, s.end);
}

void MonthView::ensureDayTable() const
{
    const QByteArray zone = m_zone.id();
    if (!m_midnights.isEmpty() && m_tableGrid == m_gridStart && m_tableZone == zone) {
        return;
    }
    // From the earliest start a shift shown in the grid can have (none is longer than
    // MaxShiftSeconds) to past its end.
    m_tableStart = m_gridStart.addDays(-(MaxShiftSeconds / 86400) - 2);
    const QDate end = m_gridStart.addDays(42 + 2);
    m_midnights.clear();
    for (QDate day = m_tableStart; day <= end; day = day.addDays(1)) {
        m_midnights.append(QDateTime(day, QTime(0, 0), m_zone).toSecsSinceEpoch());
    }
    m_tableGrid = m_gridStart;
    m_tableZone = zone;
}

qsizetype MonthView::dayIndex(qint64 secs) const
{
    // The last midnight at or before `secs`, when a midnight follows it in the table.
    const auto after = std::upper_bound(m_midnights.cbegin(), m_midnights.cend(), secs);
    if (after == m_midnights.cbegin() || after == m_midnights.cend()) {
        return -1;
    }
    return qsizetype(after - m_midnights.cbegin()) - 1;
}

MonthView::Span MonthView::spanOf(const QDateTime &startUtc, const QDateTime &endUtc) const
{
    // The days around the grid from a table of their midnights: thousands of shifts a layout,
    // each converted to the zone four times over, cost more than the rest of the layout.
    ensureDayTable();
    const qint64 startSecs = startUtc.toSecsSinceEpoch();
    const qint64 endSecs = endUtc.toSecsSinceEpoch();
    if (const qsizetype first = dayIndex(startSecs), last = dayIndex(endSecs - 1); first >= 0 && last >= 0) {
        auto fraction = [this](qsizetype day, qint64 at) {
            const qint64 length = std::max<qint64>(1, m_midnights.at(day + 1) - m_midnights.at(day));
            return std::clamp(double(at - m_midnights.at(day)) / double(length), 0.0, 1.0);
        };
        const qsizetype lastDay = std::max(first, last);
        Span result;
        result.first = m_tableStart.addDays(first);
        result.last = m_tableStart.addDays(lastDay);
        result.startFraction = fraction(first, startSecs);
        result.endFraction = fraction(lastDay, endSecs);
        if (lastDay == first) {
            result.endFraction = std::max(result.endFraction, result.startFraction);
        }
        return result;
    }

    // A bar starts in the column of the shift's real start and ends in the column of its real
    // end, at the time of day within each: a Monday 14:00 handoff starts past the middle of
    // Monday, and a weekly Monday 09:00 shift shares Monday with the one it hands over to.
    const QDateTime start = startUtc.toTimeZone(m_zone);
    const QDateTime last = endUtc.addSecs(-1).toTimeZone(m_zone); // the end is exclusive
    Span result;
    result.first = start.date();
    result.last = std::max(last.date(), result.first);
    // Fractions of the local day, which lasts 23 or 25 hours on a DST change.
    auto fraction = [this](QDate day, const QDateTime &at) {
        const QDateTime midnight = QDateTime(day, QTime(0, 0), m_zone);
        const qint64 length = std::max<qint64>(1, midnight.secsTo(QDateTime(day.addDays(1), QTime(0, 0), m_zone)));
        return std::clamp(double(midnight.secsTo(at)) / double(length), 0.0, 1.0);
    };
    result.startFraction = fraction(result.first, start);
    result.endFraction = fraction(result.last, endUtc.toTimeZone(m_zone));
    if (result.last == result.first) {
        result.endFraction = std::max(result.endFraction, result.startFraction);
    }
    return result;
}

QPair<QDate, QDate> MonthView::displayDays(int row) const
{
    const Span s = span(row);
    return {s.first, s.last};
}

void MonthView::scheduleLayout()
{
    // Only marks the bars out of date: a month switch changes the grid, then the model's range,
    // then its uncovered time, and the bars are laid out once, when they are next needed.
    m_layoutDirty = true;
    update();
    notifyAccessibility(true);
}

void MonthView::ensureLayout() const
{
    if (m_layoutDirty) {
        layOut();
    }
}

void MonthView::layOut() const
{
    m_layoutDirty = false;
    ++m_layouts;
    m_segments.clear();
    m_uncoveredSegments.clear();
    m_hidden.clear();
    if (!m_model) {
        return;
    }
    const int lanes = lanesPerCell();
    const int rows = m_model->rowCount();
    // Each shift's span and rotation once, not once per week (time-zone conversions add up at
    // thousands of shifts).
    struct RowSpan
    {
        Span span;
        int rotation;
    };
    // Shifts first, then the stretches of on-call time no shift covers (drawn like bars, in lanes).
    const QList<UncoveredSlot> uncovered = m_model->uncovered();
    std::vector<RowSpan> rowSpans(size_t(std::max(0, rows)) + size_t(uncovered.size()));
    for (int row = 0; row < rows; ++row) {
        rowSpans[size_t(row)] = {span(row), m_model->index(row).data(ShiftRangeModel::RotationIndexRole).toInt()};
    }
    QHash<RotationId, int> rotationIndex;
    const QList<Rotation> rotations = m_model->rotations();
    for (int i = 0; i < rotations.size(); ++i) {
        rotationIndex.insert(rotations.at(i).id, i);
    }
    for (int i = 0; i < uncovered.size(); ++i) {
        rowSpans[size_t(rows + i)] = {spanOf(uncovered.at(i).start, uncovered.at(i).end),
                                      rotationIndex.value(uncovered.at(i).rotation)};
    }
    const int items = int(rowSpans.size());
    constexpr int MinimumWidth = 10; // a one-hour shift stays a bar one can see and hit
    for (int week = 0; week < 6; ++week) {
        const QDate weekStart = m_gridStart.addDays(week * 7);
        const QDate weekEnd = weekStart.addDays(6);
        QList<Segment> weekSegments;
        for (int item = 0; item < items; ++item) {
            const Span &sp = rowSpans[size_t(item)].span;
            if (sp.last < weekStart || sp.first > weekEnd) {
                continue;
            }
            Segment seg;
            seg.row = item < rows ? item : -1;
            seg.uncovered = item < rows ? -1 : item - rows;
            seg.week = week;
            seg.firstDay = int(weekStart.daysTo(std::max(sp.first, weekStart)));
            seg.lastDay = int(weekStart.daysTo(std::min(sp.last, weekEnd)));
            seg.startsHere = sp.first >= weekStart;
            seg.endsHere = sp.last <= weekEnd;
            const QRect a = cellRect(week * 7 + seg.firstDay);
            const QRect b = cellRect(week * 7 + seg.lastDay);
            int left = seg.startsHere ? a.left() + int(std::lround(sp.startFraction * a.width())) : a.left();
            int right = seg.endsHere ? b.left() + int(std::lround(sp.endFraction * b.width())) : b.right();
            if (right - left < MinimumWidth) {
                right = std::min(b.right(), left + MinimumWidth);
                left = std::min(left, right - MinimumWidth);
            }
            seg.rect = QRect(left, 0, right - left, BarHeight);
            weekSegments.append(seg);
        }
        // By start, then by rotation, so that the lanes of a week stay steady; a lane takes bars
        // that do not overlap in time, so consecutive shifts of a rotation share one.
        std::stable_sort(weekSegments.begin(), weekSegments.end(),
                         [&rowSpans, rows](const Segment &a, const Segment &b) {
                             if (a.rect.left() != b.rect.left()) {
                                 return a.rect.left() < b.rect.left();
                             }
                             const int ra = rowSpans[size_t(a.row >= 0 ? a.row : rows + a.uncovered)].rotation;
                             const int rb = rowSpans[size_t(b.row >= 0 ? b.row : rows + b.uncovered)].rotation;
                             return ra < rb;
                         });
        QList<int> laneEnd; // right edge of the last bar in each lane
        for (Segment &seg : weekSegments) {
            int lane = 0;
            while (lane < laneEnd.size() && laneEnd.at(lane) > seg.rect.left()) {
                ++lane;
            }
            if (lane == laneEnd.size()) {
                laneEnd.append(0);
            }
            laneEnd[lane] = seg.rect.right() + 1;
            seg.lane = lane;
        }
        // A day shows at most `lanes` bars; the last one becomes "+N more" when more do not fit.
        std::array<int, 7> perDay{};
        for (const Segment &seg : weekSegments) {
            for (int d = seg.firstDay; d <= seg.lastDay; ++d) {
                perDay[size_t(d)] = std::max(perDay[size_t(d)], seg.lane + 1);
            }
        }
        for (Segment seg : weekSegments) {
            bool fits = true;
            for (int d = seg.firstDay; d <= seg.lastDay; ++d) {
                const int limit = perDay[size_t(d)] > lanes ? lanes - 1 : lanes;
                fits = fits && seg.lane < limit;
            }
            if (!fits) {
                for (int d = seg.firstDay; d <= seg.lastDay; ++d) {
                    m_hidden[weekStart.addDays(d)] += 1;
                }
                continue;
            }
            const QRect a = cellRect(week * 7 + seg.firstDay);
            seg.rect.moveTop(a.top() + DayLabelHeight + seg.lane * (BarHeight + BarGap));
            (seg.row >= 0 ? m_segments : m_uncoveredSegments).append(seg);
        }
    }
}

void MonthView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleLayout();
}

QRect MonthView::shiftRect(ShiftId id, QDate day) const
{
    ensureLayout();
    if (!m_model) {
        return {};
    }
    for (const Segment &seg : m_segments) {
        if (m_model->shiftAt(seg.row).id != id) {
            continue;
        }
        const QDate weekStart = m_gridStart.addDays(seg.week * 7);
        if (!day.isValid() || (day >= weekStart.addDays(seg.firstDay) && day <= weekStart.addDays(seg.lastDay))) {
            return seg.rect;
        }
    }
    return {};
}

QList<int> MonthView::rowsCovering(QDate day) const
{
    QList<int> rows;
    for (int row = 0; m_model && row < m_model->rowCount(); ++row) {
        const Span sp = span(row);
        if (sp.first <= day && day <= sp.last) {
            rows.append(row);
        }
    }
    return rows;
}

QList<int> MonthView::rowsStartingOn(QDate day) const
{
    QList<int> rows;
    for (int row = 0; m_model && row < m_model->rowCount(); ++row) {
        const Span sp = span(row);
        if (std::max(sp.first, m_gridStart) == day && sp.last >= m_gridStart) {
            rows.append(row);
        }
    }
    return rows;
}

QList<int> MonthView::uncoveredOn(QDate day) const
{
    QList<int> result;
    if (!m_model) {
        return result;
    }
    const QList<UncoveredSlot> uncovered = m_model->uncovered();
    for (int i = 0; i < uncovered.size(); ++i) {
        const Span sp = spanOf(uncovered.at(i).start, uncovered.at(i).end);
        if (sp.first <= day && day <= sp.last) {
            result.append(i);
        }
    }
    return result;
}

QString MonthView::leaveText(QDate day) const
{
    if (!m_model) {
        return {};
    }
    QStringList names;
    for (const Person &p : m_model->onLeave(day)) {
        names << ShiftRangeModel::shortName(p.name);
    }
    return names.isEmpty() ? QString() : tr("off: %1").arg(names.join(u", "_s));
}

QList<QRect> MonthView::uncoveredRects(int index) const
{
    ensureLayout();
    QList<QRect> result;
    for (const Segment &seg : m_uncoveredSegments) {
        if (seg.uncovered == index) {
            result.append(seg.rect);
        }
    }
    return result;
}

QString MonthView::uncoveredText(int index) const
{
    if (!m_model || index < 0 || index >= m_model->uncovered().size()) {
        return {};
    }
    const UncoveredSlot u = m_model->uncovered().at(index);
    const auto rotation = m_model->rotation(u.rotation);
    const QLocale locale;
    return tr("%1: no shift planned from %2 to %3, nobody on call. Rotations ▸ Plan… fills it.")
        .arg(rotation ? rotation->name : QString(), locale.toString(u.start.toTimeZone(m_zone), u"ddd d MMM HH:mm"_s),
             locale.toString(u.end.toTimeZone(m_zone), u"ddd d MMM HH:mm"_s));
}

int MonthView::uncoveredAt(const QPoint &pos) const
{
    ensureLayout();
    for (const Segment &seg : m_uncoveredSegments) {
        if (seg.rect.contains(pos)) {
            return seg.uncovered;
        }
    }
    return -1;
}

void MonthView::paintEvent(QPaintEvent *)
{
    ensureLayout();
    QPainter p(this);
    const QPalette pal = palette();
    const QLocale locale;
    p.fillRect(rect(), pal.base());
    const QColor grid = pal.color(QPalette::Mid);
    const QColor weekendShade = tint(pal.color(QPalette::Text), 0.95);
    const QColor holidayShade(0xfd, 0xf1, 0xdc);
    const auto holidays = m_model ? m_model->holidays() : QHash<QDate, QString>();

    // Weekday header.
    QFont headerFont = font();
    headerFont.setBold(true);
    p.setFont(headerFont);
    for (int col = 0; col < 7; ++col) {
        const QRect c = cellRect(col);
        const QRect h(c.left(), 0, c.width(), HeaderHeight);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(h, Qt::AlignCenter, locale.dayName(col + 1, QLocale::ShortFormat));
    }
    p.setFont(font());

    // Days.
    for (int i = 0; i < 42; ++i) {
        const QDate day = m_gridStart.addDays(i);
        const QRect c = cellRect(i);
        const bool inMonth = day.month() == m_month.month();
        if (holidays.contains(day)) {
            p.fillRect(c, holidayShade);
        } else if (day.dayOfWeek() >= 6) {
            p.fillRect(c, weekendShade);
        }
        p.setPen(grid);
        p.setBrush(Qt::NoBrush); // the today pill leaves its fill set
        p.drawRect(c);
        QRect label = c.adjusted(6, 2, -6, 0);
        label.setHeight(DayLabelHeight - 2);
        QFont dayFont = font();
        QString text = day.day() == 1 ? locale.toString(day, u"d MMM"_s) : QString::number(day.day());
        if (day == m_today) {
            dayFont.setBold(true);
            p.setFont(dayFont);
            const int w = p.fontMetrics().horizontalAdvance(text) + 10;
            const QRect pill(label.left() - 4, label.top() + 1, w, label.height() - 1);
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(pal.color(QPalette::Highlight));
            p.setPen(Qt::NoPen);
            p.drawRoundedRect(pill, 8, 8);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(pal.color(QPalette::HighlightedText));
            p.drawText(pill, Qt::AlignCenter, text);
        } else {
            p.setFont(dayFont);
            p.setPen(inMonth ? pal.color(QPalette::Text) : pal.color(QPalette::PlaceholderText));
            p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, text);
        }
        // Beside the number: who is off that day and the holiday, each in the room it needs as
        // far as the cell allows (the tooltip and the accessible day say them in full).
        const int offset = QFontMetrics(dayFont).horizontalAdvance(text) + 12;
        QRect rest = label.adjusted(offset, 0, 0, 0);
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        const QFontMetrics smallMetrics(small);
        p.setFont(small);
        const QString holiday = holidays.value(day);
        const QString away = leaveText(day);
        if (!holiday.isEmpty()) {
            const int room =
                away.isEmpty() ? rest.width() : std::min(smallMetrics.horizontalAdvance(holiday), rest.width() * 3 / 5);
            p.setPen(QColor(0x8a, 0x5a, 0x00));
            p.drawText(QRect(rest.right() - room + 1, rest.top(), room, rest.height()),
                       Qt::AlignRight | Qt::AlignVCenter, smallMetrics.elidedText(holiday, Qt::ElideRight, room));
            rest.setRight(rest.right() - room - 6);
        }
        if (!away.isEmpty() && rest.width() > 12) {
            p.setPen(QColor(0x5b, 0x3f, 0x8c));
            p.drawText(rest, Qt::AlignLeft | Qt::AlignVCenter,
                       smallMetrics.elidedText(away, Qt::ElideRight, rest.width()));
        }
        p.setFont(font());
        if (const int hidden = m_hidden.value(day); hidden > 0) {
            const int lanes = lanesPerCell();
            const QRect more(c.left() + 6, c.top() + DayLabelHeight + (lanes - 1) * (BarHeight + BarGap),
                             c.width() - 12, BarHeight);
            p.setPen(pal.color(QPalette::Link));
            p.drawText(more, Qt::AlignLeft | Qt::AlignVCenter, tr("+%n more", nullptr, hidden));
        }
    }
    // Current day.
    if (const QRect cur = dayRect(m_current); cur.isValid() && m_currentShift.isNull()) {
        QPen pen(pal.color(QPalette::Highlight), 2);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(cur.adjusted(1, 1, -1, -1));
    }

    // Bars.
    if (!m_model) {
        return;
    }
    const bool highlighting = !m_model->highlightPerson().isNull();
    p.setRenderHint(QPainter::Antialiasing);
    // Time with no shift at all: an empty, dashed bar that says so.
    const QList<UncoveredSlot> uncovered = m_model->uncovered();
    for (const Segment &seg : std::as_const(m_uncoveredSegments)) {
        const UncoveredSlot &u = uncovered.at(seg.uncovered);
        const QColor color = m_model->rotationColor(u.rotation);
        const QRectF r = QRectF(seg.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        const ShiftBar::Style style{color, true, true, false, highlighting, false};
        ShiftBar::paint(p, r, style);
        p.setPen(ShiftBar::textColor(style));
        const QString label = seg.startsHere ? tr("no shift planned") : u"… "_s + tr("no shift planned");
        const QRectF textRect = r.adjusted(5, 0, -4, 0);
        p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(label, Qt::ElideRight, int(textRect.width())));
    }
    for (const Segment &seg : std::as_const(m_segments)) {
        const QModelIndex idx = m_model->index(seg.row);
        const Shift &s = m_model->shiftAt(seg.row);
        const int problems = idx.data(ShiftRangeModel::ProblemsRole).toInt();
        const bool mine = idx.data(ShiftRangeModel::HighlightRole).toBool();
        const bool gap = problems & (DevGap | OpsGap);
        const ShiftBar::Style style{idx.data(ShiftRangeModel::RotationColorRole).value<QColor>(),
                                    gap,
                                    bool(problems & HardRule),
                                    bool(problems & SoftRule),
                                    highlighting && !mine,
                                    highlighting && mine};
        const QColor color = style.dimmed ? tint(style.color, 0.6) : style.color;
        const QRectF r = QRectF(seg.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        m_painter.paintBar(p, r, style);
        if (s.state == ShiftState::Locked || s.state == ShiftState::Published) {
            // A small mark at the start: a filled square for locked, a dot for published.
            const QRectF mark(r.left() + 4, r.center().y() - 3, 6, 6);
            p.setPen(Qt::NoPen);
            p.setBrush(gap ? color.darker(150) : QColor(255, 255, 255, 220));
            if (s.state == ShiftState::Locked) {
                p.drawRect(mark);
            } else {
                p.drawEllipse(mark);
            }
        }
        if (s.id == m_currentShift) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 2.5));
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(r.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5);
            if (hasFocus()) {
                p.setPen(QPen(QColor(Qt::white), 1, Qt::DotLine));
                p.drawRoundedRect(r.adjusted(1.5, 1.5, -1.5, -1.5), 3, 3);
            }
        }
        // The pair first (what one looks for), then the rotation by its first word, so that
        // bars of two rotations differ by more than their colour.
        QString label = idx.data().toString() + u" · "_s +
                        idx.data(ShiftRangeModel::RotationNameRole).toString().section(u' ', 0, 0);
        if (seg.startsHere) {
            label = LocaleFormat::time(s.start.toTimeZone(m_zone).time()) + u"  "_s + label;
        } else if (seg.rect.width() < 48) {
            label.clear(); // the tail of a shift from the week before: its bar says it all
        } else {
            label = u"… "_s + label;
        }
        QFont f = font();
        f.setBold(mine && highlighting);
        p.setFont(f);
        p.setPen(ShiftBar::textColor(style));
        const QRectF textRect = r.adjusted(s.state != ShiftState::Planned ? 13 : 5, 0, -4, 0);
        m_painter.paintLabel(p, textRect, label);
    }
    p.setFont(font());

    // Drop marker and its words on the spot.
    if (m_dropRect.isValid()) {
        ShiftBar::paintDropMarker(p, QRectF(m_dropRect), m_dropAllowed, m_dropText, QRectF(rect()), m_dropWarning);
    }
}

MonthView::Hit MonthView::hitTest(const QPoint &pos) const
{
    ensureLayout();
    Hit hit;
    for (int i = 0; i < 42; ++i) {
        if (cellRect(i).contains(pos)) {
            hit.day = m_gridStart.addDays(i);
            break;
        }
    }
    for (int i = 0; i < m_segments.size(); ++i) {
        const QRect r = m_segments.at(i).rect;
        if (r.adjusted(0, 0, 0, 0).contains(pos)) {
            hit.segment = i;
            hit.seat = pos.x() < r.center().x() ? Seat::Dev : Seat::Ops;
            hit.endEdge = m_segments.at(i).endsHere && pos.x() >= r.right() - EdgeGrip;
            break;
        }
    }
    return hit;
}

QList<int> MonthView::segmentsOnDay(QDate day) const
{
    ensureLayout();
    QList<int> result;
    for (int i = 0; i < m_segments.size(); ++i) {
        const Segment &seg = m_segments.at(i);
        const QDate weekStart = m_gridStart.addDays(seg.week * 7);
        if (day >= weekStart.addDays(seg.firstDay) && day <= weekStart.addDays(seg.lastDay)) {
            result.append(i);
        }
    }
    std::sort(result.begin(), result.end(),
              [this](int a, int b) { return m_segments.at(a).lane < m_segments.at(b).lane; });
    return result;
}

void MonthView::selectOnDay(QDate day)
{
    setCurrentDate(day);
    const QList<int> segs = segmentsOnDay(day);
    if (segs.isEmpty()) {
        setCurrentShift({});
        return;
    }
    // Stay in the same rotation where it has a shift that day.
    if (m_model && !m_currentShift.isNull()) {
        const QModelIndex cur = m_model->indexOf(m_currentShift);
        const QString rotation = cur.data(ShiftRangeModel::RotationIdRole).toString();
        for (int i : segs) {
            const QModelIndex idx = m_model->index(m_segments.at(i).row);
            if (idx.data(ShiftRangeModel::RotationIdRole).toString() == rotation) {
                setCurrentShift(m_model->shiftAt(m_segments.at(i).row).id);
                return;
            }
        }
    }
    setCurrentShift(m_model->shiftAt(m_segments.at(segs.first()).row).id);
}

void MonthView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::RightButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const Hit hit = hitTest(event->position().toPoint());
    m_pressPos = event->position().toPoint();
    m_pressSegment = hit.segment;
    m_resizing = event->button() == Qt::LeftButton && hit.segment >= 0 && hit.endEdge;
    if (hit.day.isValid()) {
        setCurrentDate(hit.day);
    }
    setCurrentShift(hit.segment >= 0 ? m_model->shiftAt(m_segments.at(hit.segment).row).id : ShiftId());
}

void MonthView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!(event->buttons() & Qt::LeftButton)) {
        const Hit hit = hitTest(pos);
        setCursor(hit.segment >= 0 && hit.endEdge ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
    if (m_pressSegment < 0 || !m_model) {
        return;
    }
    if (m_resizing) {
        const Hit hit = hitTest(pos);
        if (hit.day.isValid() && hit.day != m_resizeDay) {
            m_resizeDay = hit.day;
            const Shift &s = m_model->shiftAt(m_segments.at(m_pressSegment).row);
            m_dropRect = dayRect(hit.day);
            m_dropAllowed = true;
            m_dropWarning = false;
            const QDateTime boundary = handoffOn(s, hit.day);
            m_dropText = tr("Handoff %1").arg(LocaleFormat::dateTime(boundary));
            Q_EMIT feedbackChanged(m_dropText, true);
            update();
        }
        return;
    }
    if ((pos - m_pressPos).manhattanLength() < QApplication::startDragDistance()) {
        return;
    }
    const ShiftId id = m_model->shiftAt(m_segments.at(m_pressSegment).row).id;
    const QRect r = m_segments.at(m_pressSegment).rect;
    m_pressSegment = -1;
    auto *mime = new QMimeData;
    mime->setData(CalendarDnd::shiftMime(), id.toString().toUtf8());
    mime->setText(m_model->indexOf(id).data().toString());
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    QPixmap pixmap = grab(r);
    drag->setPixmap(pixmap);
    drag->setHotSpot(m_pressPos - r.topLeft());
    drag->exec(Qt::MoveAction);
}

void MonthView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_resizing && m_model && m_pressSegment >= 0 && m_resizeDay.isValid()) {
        const Shift &s = m_model->shiftAt(m_segments.at(m_pressSegment).row);
        const QDateTime boundary = handoffOn(s, m_resizeDay);
        m_dropRect = {};
        m_dropText.clear();
        Q_EMIT feedbackChanged({}, true);
        if (boundary.toUTC() != s.end) {
            Q_EMIT handoffMoveRequested(s.id, boundary.toUTC());
        }
    }
    m_resizing = false;
    m_resizeDay = {};
    m_pressSegment = -1;
    m_dropRect = {};
    update();
    QWidget::mouseReleaseEvent(event);
}

QDateTime MonthView::handoffOn(const Shift &shift, QDate day) const
{
    // The handoff keeps its time of day and moves to the column the edge was dropped on; a
    // midnight handoff ends that day's column, so it moves to the next midnight.
    const QDateTime end = shift.end.toTimeZone(m_zone);
    const qint64 offset = shift.end.addSecs(-1).toTimeZone(m_zone).date().daysTo(end.date());
    return QDateTime(day.addDays(offset), end.time(), m_zone);
}

void MonthView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const Hit hit = hitTest(event->position().toPoint());
    if (hit.segment >= 0 && m_model) {
        Q_EMIT shiftActivated(m_model->shiftAt(m_segments.at(hit.segment).row).id);
    }
}

void MonthView::keyPressEvent(QKeyEvent *event)
{
    int days = 0;
    // Shift+F10 is the menu key of keyboards without one.
    const bool menuKey =
        event->key() == Qt::Key_Menu || (event->key() == Qt::Key_F10 && (event->modifiers() & Qt::ShiftModifier));
    switch (menuKey ? int(Qt::Key_Menu) : event->key()) {
    case Qt::Key_Left:
        days = -1;
        break;
    case Qt::Key_Right:
        days = 1;
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier)) {
            // Cycle through the shifts of the current day.
            const QList<int> segs = segmentsOnDay(m_current);
            if (!segs.isEmpty() && m_model) {
                int at = -1;
                for (int i = 0; i < segs.size(); ++i) {
                    if (m_model->shiftAt(m_segments.at(segs.at(i)).row).id == m_currentShift) {
                        at = i;
                    }
                }
                const int step = event->key() == Qt::Key_Down ? 1 : -1;
                at = at < 0 ? 0 : int((at + step + segs.size()) % segs.size());
                setCurrentShift(m_model->shiftAt(m_segments.at(segs.at(at)).row).id);
            }
            return;
        }
        days = event->key() == Qt::Key_Up ? -7 : 7;
        break;
    case Qt::Key_PageUp:
        Q_EMIT navigationRequested(m_month.addMonths(-1));
        return;
    case Qt::Key_PageDown:
        Q_EMIT navigationRequested(m_month.addMonths(1));
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_currentShift.isNull()) {
            Q_EMIT shiftActivated(m_currentShift);
        }
        return;
    case Qt::Key_Menu:
        Q_EMIT contextMenuRequested(m_currentShift, mapToGlobal(shiftRect(m_currentShift).center()));
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    const QDate target = m_current.addDays(days);
    if (target < m_gridStart || target >= m_gridStart.addDays(42) ||
        (target.month() != m_month.month() && (days == 1 || days == -1 || days == 7 || days == -7) &&
         (target < m_gridStart.addDays(7) || target >= m_gridStart.addDays(35)))) {
        Q_EMIT navigationRequested(target);
    }
    selectOnDay(target);
}

void MonthView::contextMenuEvent(QContextMenuEvent *event)
{
    ShiftId id = m_currentShift;
    QPoint pos = event->globalPos();
    if (event->reason() == QContextMenuEvent::Mouse) {
        const Hit hit = hitTest(event->pos());
        id = hit.segment >= 0 ? m_model->shiftAt(m_segments.at(hit.segment).row).id : ShiftId();
        setCurrentShift(id);
    } else if (!id.isNull()) {
        pos = mapToGlobal(shiftRect(id).center());
    }
    Q_EMIT contextMenuRequested(id, pos);
}

bool MonthView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Hit hit = hitTest(help->pos());
        if (hit.segment >= 0) {
            QToolTip::showText(help->globalPos(),
                               m_model->index(m_segments.at(hit.segment).row).data(Qt::ToolTipRole).toString(), this,
                               m_segments.at(hit.segment).rect);
        } else if (const int u = uncoveredAt(help->pos()); u >= 0) {
            QToolTip::showText(help->globalPos(), uncoveredText(u), this);
        } else if (hit.day.isValid() && m_hidden.value(hit.day) == 0 &&
                   help->pos().y() < dayRect(hit.day).top() + DayLabelHeight) {
            // The day's heading: the holiday and who is away, in full.
            QStringList lines{QLocale().toString(hit.day, QLocale::LongFormat)};
            if (const QString holiday = m_model->holidays().value(hit.day); !holiday.isEmpty()) {
                lines << tr("Holiday: %1").arg(holiday);
            }
            QStringList away;
            for (const Person &p : m_model->onLeave(hit.day)) {
                away << p.name;
            }
            if (!away.isEmpty()) {
                lines << tr("On leave: %1").arg(away.join(u", "_s));
            }
            QToolTip::showText(help->globalPos(), lines.join(u'\n'), this, dayRect(hit.day));
        } else if (hit.day.isValid() && m_hidden.value(hit.day) > 0) {
            QStringList all;
            for (int row = 0; row < m_model->rowCount(); ++row) {
                const auto [first, last] = displayDays(row);
                if (hit.day >= first && hit.day <= last) {
                    all << m_model->index(row).data(ShiftRangeModel::RotationNameRole).toString() + u": "_s +
                               m_model->index(row).data().toString();
                }
            }
            QToolTip::showText(help->globalPos(), all.join(u'\n'), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

void MonthView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(CalendarDnd::shiftMime()) ||
        event->mimeData()->hasFormat(CalendarDnd::personMime())) {
        event->acceptProposedAction();
    }
}

void MonthView::dragMoveEvent(QDragMoveEvent *event)
{
    const Hit hit = hitTest(event->position().toPoint());
    if (hit.segment < 0 || !m_model) {
        m_dropRect = {};
        m_dropText.clear();
        Q_EMIT feedbackChanged({}, false);
        event->ignore();
        update();
        return;
    }
    const ShiftId target = m_model->shiftAt(m_segments.at(hit.segment).row).id;
    CalendarDnd::Feedback feedback{true, {}};
    if (m_dropCheck) {
        feedback = m_dropCheck(event->mimeData(), target, hit.seat, event->modifiers());
    }
    QRect r = m_segments.at(hit.segment).rect;
    if (event->mimeData()->hasFormat(CalendarDnd::personMime())) {
        // Mark the seat: the left half is the developer, the right half the ops engineer.
        r = hit.seat == Seat::Dev ? r.adjusted(0, 0, -r.width() / 2, 0) : r.adjusted(r.width() / 2, 0, 0, 0);
    }
    m_dropRect = r;
    m_dropAllowed = feedback.allowed;
    m_dropWarning = feedback.warning;
    m_dropText = feedback.text;
    Q_EMIT feedbackChanged(feedback.text, feedback.allowed);
    if (feedback.allowed) {
        event->acceptProposedAction();
    } else {
        event->ignore(r);
    }
    update();
}

void MonthView::dragLeaveEvent(QDragLeaveEvent *)
{
    m_dropRect = {};
    m_dropText.clear();
    Q_EMIT feedbackChanged({}, true);
    update();
}

void MonthView::dropEvent(QDropEvent *event)
{
    const Hit hit = hitTest(event->position().toPoint());
    m_dropRect = {};
    m_dropText.clear();
    update();
    if (hit.segment < 0 || !m_model) {
        return;
    }
    event->acceptProposedAction();
    Q_EMIT dropRequested(event->mimeData(), m_model->shiftAt(m_segments.at(hit.segment).row).id, hit.seat,
                         event->modifiers());
}

} // namespace Tandem
