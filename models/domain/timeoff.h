#pragma once

#include "ids.h"

#include <QDate>
#include <QString>

namespace Tandem {

/// A period a person is unavailable, whole days in their own time zone, both ends included.
struct TimeOff
{
    TimeOffId id;
    PersonId personId;
    QDate from;
    QDate to;
    QString reason;

    bool covers(QDate day) const { return day >= from && day <= to; }
    friend bool operator==(const TimeOff &, const TimeOff &) = default;
};

/// A public holiday of a team: weighs more in the fairness of load.
struct Holiday
{
    HolidayId id;
    TeamId teamId;
    QDate date;
    QString name;

    friend bool operator==(const Holiday &, const Holiday &) = default;
};

} // namespace Tandem
