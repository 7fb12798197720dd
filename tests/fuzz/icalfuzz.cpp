// libFuzzer target for the iCalendar import path: what a user imports (readDays) and what a
// CalDAV server sends back (decodeResource, then a re-encode on top of it as `previous`).
// Built only with -DTANDEM_FUZZ=ON and clang; run with ./packaging/dev.sh fuzz [SECONDS].

#include "ical/icalcodec.h"

#include <QByteArray>
#include <QDate>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // KCalendarCore warns about every odd input; at thousands of runs a second that is noise.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.warning=false\n*.info=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray ics(reinterpret_cast<const char *>(data), qsizetype(size));
    // Two years around the seeds' dates: recurrences expand over a realistic import period.
    (void)Tandem::readDays(ics, QDate(2025, 6, 1), QDate(2027, 6, 30));
    auto decoded = Tandem::decodeResource(ics);
    if (decoded.ok()) {
        (void)Tandem::encodeResource(decoded.value(), {}, ics);
    }
    return 0;
}
