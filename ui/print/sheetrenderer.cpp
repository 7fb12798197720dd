#include "sheetrenderer.h"

#include "domain/localeformat.h"
#include "domain/rotationcolors.h"
#include "domain/rotationwords.h"
#include "services/fileio.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTimeZone>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tandem::Print {

namespace {

QString tr(const char *text, const char *comment = nullptr, int n = -1)
{
    return QCoreApplication::translate("Tandem::Print::SheetRenderer", text, comment, n);
}

QTimeZone zoneOf(const Rotation *rotation)
{
    if (rotation) {
        const QTimeZone zone(rotation->timeZone.toUtf8());
        if (zone.isValid()) {
            return zone;
        }
    }
    return QTimeZone::utc();
}

// A phone number never breaks over lines: its spaces do not allow a break.
QString phoneText(const QString &phone)
{
    QString text = phone;
    text.replace(u' ', QChar::Nbsp);
    return text;
}

QString personLine(const Person &p)
{
    return p.phone.isEmpty() ? p.name : p.name + u"  "_s + phoneText(p.phone);
}

// "Mon 30 Nov 09:00 CET": the year is in the page header's period.
QString whenText(const QDateTime &local)
{
    return LocaleFormat::dateTime(local) + u' ' + local.timeZoneAbbreviation();
}

QString gapText()
{
    return tr("— gap —");
}

QString seatCell(const Reports::SheetData &data, PersonId id)
{
    if (id.isNull()) {
        return gapText();
    }
    const Person p = data.people.value(id);
    return p.phone.isEmpty() ? p.name : p.name + u'\n' + phoneText(p.phone);
}

QString escalationCell(const Reports::SheetData &data, const Shift &shift)
{
    QStringList lines;
    for (const PersonId &id : data.escalation(shift)) {
        lines.append(personLine(data.people.value(id)));
    }
    return lines.join(u'\n');
}

} // namespace

SheetRenderer::SheetRenderer(Reports::SheetData data, SheetOptions options)
    : m_data(std::move(data)), m_options(options)
{}

QString SheetRenderer::layoutName(SheetLayout layout)
{
    switch (layout) {
    case SheetLayout::Month:
        return tr("Rotation sheet: month");
    case SheetLayout::List:
        return tr("Rotation sheet: list");
    case SheetLayout::Person:
        return tr("Personal on-call sheet");
    }
    return {};
}

PageHeader SheetRenderer::header(const Reports::SheetData &data, const QString &subtitle)
{
    const QLocale locale;
    const QDateTime local = data.generatedAt.toLocalTime();
    PageHeader h;
    h.title = data.title.isEmpty() ? tr("All rotations") : data.title;
    h.subtitle = subtitle;
    h.period = data.from == data.to ? LocaleFormat::date(data.from, false, true, locale)
                                    : tr("%1 – %2").arg(LocaleFormat::date(data.from, false, true, locale),
                                                        LocaleFormat::date(data.to, false, true, locale));
    h.validAsOf = tr("Valid as of %1").arg(local.toString(u"yyyy-MM-dd HH:mm"_s) + u' ' + local.timeZoneAbbreviation());
    return h;
}

QColor SheetRenderer::rotationColor(const Rotation &rotation, int index, bool grayscale)
{
    // The screen's colours (RotationColors), so a rotation looks the same on paper.
    const QColor color = RotationColors::of(rotation, index);
    if (grayscale) {
        // Distinct darkness steps; the pattern carries the rest.
        static const std::array<int, 4> grays = {40, 90, 130, 65};
        const int g = grays.at(size_t(index) % grays.size());
        return QColor(g, g, g);
    }
    return color;
}

void SheetRenderer::paintPattern(QPainter &painter, const QRectF &rect, int index, const QColor &color, qreal unit)
{
    painter.save();
    painter.setClipRect(rect, Qt::IntersectClip);
    painter.fillRect(rect, tint(color, 0.55));
    painter.setPen(QPen(color, unit * 0.28));
    const qreal step = unit * 1.1;
    const int kind = index % 6;
    const auto diagonal = [&](bool up) {
        for (qreal x = rect.left() - rect.height(); x < rect.right() + rect.height(); x += step) {
            if (up) {
                painter.drawLine(QPointF(x, rect.bottom()), QPointF(x + rect.height(), rect.top()));
            } else {
                painter.drawLine(QPointF(x, rect.top()), QPointF(x + rect.height(), rect.bottom()));
            }
        }
    };
    switch (kind) {
    case 0: // solid
        painter.fillRect(rect, color);
        break;
    case 1:
        diagonal(true);
        break;
    case 2: // horizontal bars
        for (qreal y = rect.top(); y < rect.bottom(); y += step) {
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y));
        }
        break;
    case 3:
        diagonal(true);
        diagonal(false);
        break;
    case 4: // dots
        painter.setBrush(color);
        painter.setPen(Qt::NoPen);
        for (qreal y = rect.top() + step / 2; y < rect.bottom(); y += step) {
            for (qreal x = rect.left() + step / 2; x < rect.right(); x += step) {
                painter.drawEllipse(QPointF(x, y), unit * 0.25, unit * 0.25);
            }
        }
        break;
    default:
        diagonal(false);
        break;
    }
    painter.restore();
}

Result<int> SheetRenderer::render(QPagedPaintDevice &device) const
{
    PageDocument doc(device, header(m_data, layoutName(m_options.layout)));
    switch (m_options.layout) {
    case SheetLayout::Month:
        layoutMonth(doc);
        break;
    case SheetLayout::List:
        layoutList(doc);
        break;
    case SheetLayout::Person:
        layoutPerson(doc);
        break;
    }
    if (!doc.render()) {
        return Error(tr("Cannot paint on the page."));
    }
    return doc.pageCount();
}

Result<int> SheetRenderer::writePdf(const QString &path, Paper paper, bool landscape) const
{
    // A temporary file beside the target, renamed over it once the last page is written: a kill
    // or a full disk leaves the old PDF, never a truncated one.
    QSaveFile file(path);
    if (auto status = openOutputFile(file); !status) {
        return status.error();
    }
    Result<int> pages = Error{};
    {
        QPdfWriter writer(&file);
        writer.setCreator(u"Tandem"_s);
        writer.setTitle(header(m_data, layoutName(m_options.layout)).title);
        writer.setResolution(600);
        setUpPage(writer, paper, landscape);
        pages = render(writer);
    }
    if (!pages) {
        return pages;
    }
    if (!file.commit()) {
        return Error(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return pages;
}

// --- Month grid -------------------------------------------------------------------------

namespace {

struct DayEntry
{
    int rotationIndex = 0;
    bool endsToday = false;
    bool startsToday = false;
    QStringList lines;
};

} // namespace

void SheetRenderer::layoutMonth(PageDocument &doc) const
{
    // Each rotation's shifts by the local days they touch, in the rotation's zone.
    QHash<QDate, QList<DayEntry>> entries;
    for (const Shift &s : m_data.shifts) {
        const Rotation *rotation = m_data.rotation(s.rotationId);
        int index = 0;
        for (qsizetype i = 0; i < m_data.rotations.size(); ++i) {
            if (m_data.rotations.at(i).id == s.rotationId) {
                index = int(i);
            }
        }
        const QTimeZone zone = zoneOf(rotation);
        const QDateTime start = s.start.toTimeZone(zone);
        const QDateTime end = s.end.toTimeZone(zone);
        const QDate lastDay = s.end.addSecs(-1).toTimeZone(zone).date();
        for (QDate d = std::max(start.date(), m_data.from); d <= std::min(lastDay, m_data.to); d = d.addDays(1)) {
            DayEntry e;
            e.rotationIndex = index;
            const bool startsToday = start.date() == d && start.time() != QTime(0, 0);
            const bool endsToday = end.date() == d && end.time() != QTime(0, 0);
            e.startsToday = startsToday;
            e.endsToday = endsToday;
            if (startsToday && endsToday) {
                e.lines.append(LocaleFormat::time(start.time()) + u"–"_s + LocaleFormat::time(end.time()));
            } else if (startsToday) {
                e.lines.append(tr("from %1").arg(LocaleFormat::time(start.time())));
            } else if (endsToday) {
                e.lines.append(tr("until %1").arg(LocaleFormat::time(end.time())));
            }
            e.lines.append(u"D "_s + (s.dev.isNull() ? gapText() : m_data.people.value(s.dev).name));
            e.lines.append(u"O "_s + (s.ops.isNull() ? gapText() : m_data.people.value(s.ops).name));
            if (!s.shadow.isNull()) {
                e.lines.append(tr("shadow %1").arg(m_data.people.value(s.shadow).name));
            }
            entries[d].append(e);
        }
    }
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        // On a handoff day the outgoing pair is the previous day's: show only who takes over
        // ("from 09:00"), so a day keeps one entry per rotation.
        QList<DayEntry> &list = it.value();
        list.removeIf([&list](const DayEntry &e) {
            return e.endsToday && !e.startsToday &&
                   std::any_of(list.cbegin(), list.cend(), [&e](const DayEntry &other) {
                       return other.rotationIndex == e.rotationIndex && other.startsToday;
                   });
        });
        std::stable_sort(list.begin(), list.end(),
                         [](const DayEntry &a, const DayEntry &b) { return a.rotationIndex < b.rotationIndex; });
    }
    QSet<QDate> holidays;
    for (const QSet<QDate> &days : m_data.holidays) {
        holidays.unite(days);
    }

    const Reports::SheetData &data = m_data;
    const bool grayscale = m_options.grayscale;
    const qreal unit = doc.mm(1);
    const QFont titleFont = doc.font(12, true);
    const QFont headFont = doc.font(8, true);
    const QFont legendFont = doc.font(8);
    const QFont dayFont = doc.font(7.5, true);
    const QFont baseEntry = doc.font(7);

    QList<QColor> colors;
    for (qsizetype i = 0; i < data.rotations.size(); ++i) {
        colors.append(rotationColor(data.rotations.at(i), int(i), grayscale));
    }

    for (QDate month(data.from.year(), data.from.month(), 1); month <= data.to; month = month.addMonths(1)) {
        if (!doc.pageIsEmpty()) {
            doc.newPage();
        }
        doc.addBlock(doc.remaining(), [=](QPainter &p, const QRectF &r) {
            const QLocale locale;
            QPaintDevice *device = p.device();
            const QFontMetricsF titleMetrics(titleFont, device);
            const QFontMetricsF legendMetrics(legendFont, device);
            const QFontMetricsF dayMetrics(dayFont, device);
            p.setPen(Qt::black);
            p.setFont(titleFont);
            p.drawText(QPointF(r.left(), r.top() + titleMetrics.ascent()),
                       locale.standaloneMonthName(month.month()) + u' ' + QString::number(month.year()));

            // The legend: one line per rotation, then the key.
            const qreal legendLine = legendMetrics.lineSpacing() * 1.3;
            const qreal legendHeight = legendLine * qreal(data.rotations.size() + 1) + unit * 2;
            const qreal gridTop = r.top() + titleMetrics.lineSpacing() + unit * 1.5;
            const qreal headHeight = QFontMetricsF(headFont, device).lineSpacing() + unit * 1.5;
            const int firstColumn = month.dayOfWeek() - 1; // Monday first
            const int weeks = (firstColumn + month.daysInMonth() + 6) / 7;
            const qreal cellWidth = r.width() / 7;
            const qreal cellsTop = gridTop + headHeight;
            const qreal cellHeight = (r.bottom() - legendHeight - cellsTop) / weeks;

            p.setFont(headFont);
            for (int c = 0; c < 7; ++c) {
                const QRectF head(r.left() + c * cellWidth, gridTop, cellWidth, headHeight);
                p.fillRect(head, QColor(0xe6, 0xe6, 0xe6));
                PageDocument::drawText(p, head.adjusted(unit, unit * 0.7, -unit, 0),
                                       locale.dayName(c + 1, QLocale::LongFormat), headFont, Qt::AlignHCenter);
            }

            // The entry font: as large as lets the fullest day of the month fit, 4.5 to 7 pt.
            int mostLines = 1;
            int mostEntries = 1;
            for (int day = 1; day <= month.daysInMonth(); ++day) {
                int lines = 0;
                const QList<DayEntry> list = entries.value(QDate(month.year(), month.month(), day));
                for (const DayEntry &e : list) {
                    lines += int(e.lines.size());
                }
                mostLines = std::max(mostLines, lines);
                mostEntries = std::max(mostEntries, int(list.size()));
            }
            const qreal room = cellHeight - dayMetrics.lineSpacing() - unit * 1.5 - mostEntries * unit * 0.8;
            QFont entryFont = baseEntry;
            const QFontMetricsF baseMetrics(baseEntry, device);
            const qreal baseSpacing = baseMetrics.lineSpacing();
            const qreal stripe = unit * 2.2;
            // Not larger than lets the longest line (a name) fit the width of its band either: a
            // large font with names cut beside empty space reads worse than a smaller whole one.
            qreal widest = 0;
            for (int day = 1; day <= month.daysInMonth(); ++day) {
                for (const DayEntry &e : entries.value(QDate(month.year(), month.month(), day))) {
                    for (const QString &line : e.lines) {
                        widest = std::max(widest, baseMetrics.horizontalAdvance(line));
                    }
                }
            }
            const qreal textRoom = cellWidth - unit * 1.2 - stripe - unit * 0.9;
            // (A little under: text does not scale in exact proportion to the point size.)
            const qreal byWidth = widest > 0 ? 0.95 * textRoom / widest : 9.0 / 7.0;
            const qreal scale = std::clamp(std::min(room / (mostLines * baseSpacing), byWidth), 4.5 / 7.0, 9.0 / 7.0);
            entryFont.setPointSizeF(7 * scale);
            const QFontMetricsF entryMetrics(entryFont, device);
            const qreal lineHeight = entryMetrics.lineSpacing();

            for (int i = 0; i < weeks * 7; ++i) {
                const QDate day = month.addDays(i - firstColumn);
                const QRectF cell(r.left() + (i % 7) * cellWidth, cellsTop + (i / 7) * cellHeight, cellWidth,
                                  cellHeight);
                const bool inMonth = day.month() == month.month();
                const bool inPeriod = day >= data.from && day <= data.to;
                if (!inMonth) {
                    p.fillRect(cell, QColor(0xf7, 0xf7, 0xf7));
                } else if (holidays.contains(day) || day.dayOfWeek() >= Qt::Saturday) {
                    p.fillRect(cell, QColor(0xee, 0xee, 0xee));
                }
                p.setPen(QPen(QColor(0x88, 0x88, 0x88), 0));
                p.drawRect(cell);
                if (!inMonth) {
                    continue;
                }
                p.setPen(inPeriod ? Qt::black : QColor(0x99, 0x99, 0x99));
                p.setFont(dayFont);
                QString label = QString::number(day.day());
                if (holidays.contains(day)) {
                    label += u"  "_s + tr("holiday");
                }
                p.drawText(QPointF(cell.left() + unit, cell.top() + unit * 0.5 + dayMetrics.ascent()),
                           dayMetrics.elidedText(label, Qt::ElideRight, cell.width() - 2 * unit));
                if (!inPeriod) {
                    continue;
                }
                qreal y = cell.top() + unit + dayMetrics.lineSpacing();
                const QList<DayEntry> list = entries.value(day);
                for (qsizetype k = 0; k < list.size(); ++k) {
                    const DayEntry &e = list.at(k);
                    const qreal height = e.lines.size() * lineHeight + unit * 0.4;
                    if (y + height > cell.bottom() - unit * 0.3) {
                        // Too many rotations for the cell even at the smallest size: say so.
                        p.setPen(Qt::black);
                        p.setFont(entryFont);
                        p.drawText(QPointF(cell.right() - unit - entryMetrics.horizontalAdvance(u"+99"_s),
                                           cell.bottom() - entryMetrics.descent() - unit * 0.3),
                                   u"+"_s + QString::number(list.size() - k));
                        break;
                    }
                    const QRectF band(cell.left() + unit * 0.6, y, cell.width() - unit * 1.2, height);
                    const QColor color = colors.value(e.rotationIndex, Qt::black);
                    p.fillRect(band, tint(color, 0.86));
                    paintPattern(p, QRectF(band.left(), band.top(), stripe, band.height()), e.rotationIndex, color,
                                 unit);
                    p.setPen(Qt::black);
                    p.setFont(entryFont);
                    const qreal textLeft = band.left() + stripe + unit * 0.6;
                    const qreal textWidth = band.right() - textLeft - unit * 0.3;
                    qreal ly = band.top() + unit * 0.2 + entryMetrics.ascent();
                    for (const QString &line : e.lines) {
                        p.drawText(QPointF(textLeft, ly), entryMetrics.elidedText(line, Qt::ElideRight, textWidth));
                        ly += lineHeight;
                    }
                    y += height + unit * 0.6;
                }
            }

            // Legend.
            qreal ly = r.bottom() - legendHeight + unit * 2;
            p.setFont(legendFont);
            for (qsizetype i = 0; i < data.rotations.size(); ++i) {
                const Rotation &rotation = data.rotations.at(i);
                const QRectF swatch(r.left(), ly + unit * 0.3, unit * 10, legendLine - unit * 0.8);
                p.fillRect(swatch, tint(colors.at(i), 0.86));
                paintPattern(p, QRectF(swatch.left(), swatch.top(), unit * 2.2, swatch.height()), int(i), colors.at(i),
                             unit);
                p.setPen(QPen(QColor(0x88, 0x88, 0x88), 0));
                p.drawRect(swatch);
                p.setPen(Qt::black);
                const QString text = rotation.name + u" — "_s + rotationShapeWords(rotation);
                p.drawText(QPointF(swatch.right() + unit * 2, ly + legendMetrics.ascent()),
                           legendMetrics.elidedText(text, Qt::ElideRight, r.width() - unit * 14));
                ly += legendLine;
            }
            p.drawText(QPointF(r.left(), ly + legendMetrics.ascent()),
                       legendMetrics.elidedText(
                           tr("D developer · O operations (production access) · from 09:00: the handoff, before it "
                              "the previous day's pair · times in each rotation's zone · "
                              "shaded: weekend or holiday"),
                           Qt::ElideRight, r.width()));
        });
    }
}

// --- List ---------------------------------------------------------------------------------

void SheetRenderer::layoutList(PageDocument &doc) const
{
    const bool several = m_data.rotations.size() > 1;
    QStringList zones;
    for (const Rotation &r : m_data.rotations) {
        zones.append(r.name + u": "_s + rotationShapeWords(r));
    }
    if (!zones.isEmpty()) {
        doc.addParagraph(zones.join(u'\n'), 8.5);
        doc.addSpacing(doc.mm(2));
    }
    Table table;
    if (several) {
        table.columns.append({tr("Rotation"), 1.2, false, Qt::AlignLeft});
    }
    const int first = several ? 1 : 0;
    table.columns.append({tr("When"), 2.3, false, Qt::AlignLeft});
    table.columns.append({tr("Developer"), 2.0, false, Qt::AlignLeft});
    table.columns.append({tr("Ops"), 2.0, false, Qt::AlignLeft});
    table.columns.append({tr("Escalation"), 2.5, false, Qt::AlignLeft});
    table.columns.append({tr("Bridge"), 1.2, false, Qt::AlignLeft});
    table.columns.append({tr("Notes"), 1.7, false, Qt::AlignLeft});
    table.boldFirstLine = {first + 1, first + 2};
    table.minRowHeightMm = 11;
    for (const Shift &s : m_data.shifts) {
        const Rotation *rotation = m_data.rotation(s.rotationId);
        const QTimeZone zone = zoneOf(rotation);
        QStringList row;
        if (several) {
            row.append(rotation ? rotation->name : QString());
        }
        row.append(whenText(s.start.toTimeZone(zone)) + u"\n– "_s + whenText(s.end.toTimeZone(zone)));
        row.append(seatCell(m_data, s.dev));
        row.append(seatCell(m_data, s.ops));
        row.append(escalationCell(m_data, s));
        row.append(s.bridgeUrl);
        // The shadow (onboarding) carries no load and no access: a note, not a seat column.
        row.append(s.shadow.isNull() ? QString() : tr("Shadow: %1").arg(m_data.people.value(s.shadow).name));
        table.rows.append(row);
        table.rowBackground.append(s.dev.isNull() || s.ops.isNull() ? QColor(0xf0, 0xf0, 0xf0) : QColor());
    }
    doc.addTable(table);
    if (m_data.shifts.isEmpty()) {
        doc.addParagraph(tr("No shifts in this period."));
    }
}

// --- Personal -------------------------------------------------------------------------------

void SheetRenderer::layoutPerson(PageDocument &doc) const
{
    const Person me = m_data.people.value(m_data.person);
    const QTimeZone myZone(me.timeZone.toUtf8());
    double hours = 0;
    for (const Shift &s : m_data.shifts) {
        hours += double(s.start.secsTo(s.end)) / 3600.0;
    }
    QStringList about{me.name, roleDisplayName(me.role)};
    for (const QString &part : {me.email, me.phone, me.timeZone}) {
        if (!part.isEmpty()) {
            about.append(part);
        }
    }
    doc.addParagraph(about.join(u" · "_s), 10);
    const QString total = QString::number(hours, 'f', 0);
    doc.addParagraph(m_data.shifts.size() == 1 ? tr("1 shift, %1 hours on call").arg(total)
                                               : tr("%1 shifts, %2 hours on call").arg(m_data.shifts.size()).arg(total),
                     9);
    doc.addSpacing(doc.mm(2));

    Table table;
    table.columns = {{tr("Rotation"), 1.2, false, Qt::AlignLeft},   {tr("When"), 2.5, false, Qt::AlignLeft},
                     {tr("Seat"), 1.0, false, Qt::AlignLeft},       {tr("Partner"), 2.0, false, Qt::AlignLeft},
                     {tr("Escalation"), 2.2, false, Qt::AlignLeft}, {tr("Bridge"), 1.0, false, Qt::AlignLeft},
                     {tr("Notes"), 1.3, false, Qt::AlignLeft}};
    table.boldFirstLine = {3};
    table.minRowHeightMm = 11;
    for (const Shift &s : m_data.shifts) {
        const Rotation *rotation = m_data.rotation(s.rotationId);
        const QTimeZone zone = zoneOf(rotation);
        const bool dev = s.dev == m_data.person;
        const auto when = [&](const QDateTime &utc) {
            QString text = whenText(utc.toTimeZone(zone));
            if (myZone.isValid() && myZone.offsetFromUtc(utc) != zone.offsetFromUtc(utc)) {
                text += u" ("_s + tr("yours %1").arg(whenText(utc.toTimeZone(myZone))) + u')';
            }
            return text;
        };
        table.rows.append({rotation ? rotation->name : QString(), when(s.start) + u"\n– "_s + when(s.end),
                           dev ? tr("developer") : tr("ops"), seatCell(m_data, dev ? s.ops : s.dev),
                           escalationCell(m_data, s), s.bridgeUrl, QString()});
    }
    doc.addTable(table);
    if (m_data.shifts.isEmpty()) {
        doc.addParagraph(tr("No shifts in this period."));
    }
}

} // namespace Tandem::Print
