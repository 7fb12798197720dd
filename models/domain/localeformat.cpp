#include "localeformat.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace Tandem::LocaleFormat {

namespace {

bool isC(const QLocale &locale)
{
    return locale.language() == QLocale::C;
}

// A format string as fields ("dddd", "MMMM", "yyyy") and the literal text between them.
struct Token
{
    QString text;
    bool field = false;
};

QList<Token> tokenize(const QString &format)
{
    static const QString letters = u"dMyHhmsaAtz"_s;
    QList<Token> tokens;
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format.at(i);
        qsizetype j = i + 1;
        if (letters.contains(c)) {
            while (j < format.size() && format.at(j) == c) {
                ++j;
            }
            tokens.append({format.mid(i, j - i), true});
        } else {
            if (c == u'\'') { // a quoted literal runs to the closing quote
                while (j < format.size() && format.at(j) != u'\'') {
                    ++j;
                }
                j = std::min(j + 1, format.size());
            }
            if (!tokens.isEmpty() && !tokens.last().field) {
                tokens.last().text += format.mid(i, j - i);
            } else {
                tokens.append({format.mid(i, j - i), false});
            }
        }
        i = j;
    }
    return tokens;
}

// Removes the field at `index` with the literal that belongs to it: the text after it ("2026年",
// "Monday, "), or for the last field the separator before it and any text after it
// ("March 30, 2026", "30 марта 2026 г.", "30 de marzo de 2026").
void removeField(QList<Token> &tokens, qsizetype index)
{
    qsizetype nextField = index + 1;
    while (nextField < tokens.size() && !tokens.at(nextField).field) {
        ++nextField;
    }
    if (nextField < tokens.size()) {
        tokens.remove(index, nextField - index);
        return;
    }
    tokens.remove(index, tokens.size() - index);
    if (index > 0 && !tokens.at(index - 1).field) {
        QString &before = tokens[index - 1].text;
        if (before.contains(u'\'')) {
            before.clear(); // a word of the year's own: "30 de marzo de 2026"
        }
        while (!before.isEmpty() && (before.back() == u' ' || before.back() == u',' || before.back() == u'-' ||
                                     before.back() == u'/' || before.back().isSpace())) {
            before.chop(1);
        }
        if (before.isEmpty()) {
            tokens.removeAt(index - 1);
        }
    }
}

// The format without the fields `drop` picks, each with the literal that belongs to it.
template <typename Drop> QString withoutFields(QList<Token> tokens, Drop drop)
{
    for (qsizetype i = tokens.size() - 1; i >= 0; --i) {
        if (tokens.at(i).field && drop(tokens.at(i).text)) {
            removeField(tokens, i);
            i = std::min(i, tokens.size());
        }
    }
    QString format;
    for (const Token &t : tokens) {
        format += t.text;
    }
    return format.trimmed();
}

} // namespace

QString dateFormat(bool weekday, bool year, const QLocale &locale)
{
    if (isC(locale)) {
        return (weekday ? u"ddd "_s : QString()) + u"d MMM"_s + (year ? u" yyyy"_s : QString());
    }
    QList<Token> tokens = tokenize(locale.dateFormat(QLocale::LongFormat));
    for (Token &t : tokens) {
        if (t.field && t.text == u"dddd") {
            t.text = u"ddd"_s;
        } else if (t.field && t.text == u"MMMM") {
            t.text = u"MMM"_s;
        }
    }
    return withoutFields(tokens, [weekday, year](const QString &field) {
        return (!weekday && field == u"ddd") || (!year && field.startsWith(u'y'));
    });
}

QString timeFormat(const QLocale &locale)
{
    if (isC(locale)) {
        return u"HH:mm"_s;
    }
    // Seconds and the zone's name have no place in Tandem's short times.
    return withoutFields(tokenize(locale.timeFormat(QLocale::ShortFormat)),
                         [](const QString &field) { return field.startsWith(u's') || field == u"t"; });
}

QString date(QDate date, bool weekday, bool year, const QLocale &locale)
{
    return locale.toString(date, dateFormat(weekday, year, locale));
}

QString time(QTime time, const QLocale &locale)
{
    return locale.toString(time, timeFormat(locale));
}

QString dateTime(const QDateTime &dateTime, bool weekday, bool year, const QLocale &locale)
{
    return date(dateTime.date(), weekday, year, locale) + u' ' + time(dateTime.time(), locale);
}

} // namespace Tandem::LocaleFormat
