#include "fairnesscsv.h"

#include "hoursreport.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tandem::Reports {

QByteArray fairnessCsv(const Planner::FairnessSummary &summary, const QHash<PersonId, Person> &people)
{
    QString text = u"email,name,role,pool,shifts,load,fair_share,deviation,weekends,holidays,nights,partners\n"_s;
    for (const Planner::PersonFigures &f : summary.people) {
        const Person p = people.value(f.person);
        const QStringList fields{csvField(p.email),
                                 csvField(p.name),
                                 roleToString(f.role),
                                 csvField(f.pool),
                                 QString::number(f.shifts),
                                 QString::number(f.load, 'f', 2),
                                 QString::number(f.fairShare, 'f', 2),
                                 QString::number(f.load - f.fairShare, 'f', 2),
                                 QString::number(f.weekends),
                                 QString::number(f.holidays),
                                 QString::number(f.nights),
                                 QString::number(f.partners.size())};
        text += fields.join(u',') + u'\n';
    }
    return text.toUtf8();
}

std::pair<QList<PersonId>, QList<PersonId>> pairAxes(const Planner::FairnessSummary &summary,
                                                     const QHash<PersonId, Person> &people)
{
    QList<PersonId> devs;
    QList<PersonId> ops;
    for (const Planner::PersonFigures &f : summary.people) {
        (f.role == Role::Developer ? devs : ops).append(f.person);
    }
    for (auto it = summary.pairs.cbegin(); it != summary.pairs.cend(); ++it) {
        if (!devs.contains(it.key().first)) {
            devs.append(it.key().first);
        }
        if (!ops.contains(it.key().second)) {
            ops.append(it.key().second);
        }
    }
    const auto byName = [&](const PersonId &a, const PersonId &b) {
        return people.value(a).name.localeAwareCompare(people.value(b).name) < 0;
    };
    std::sort(devs.begin(), devs.end(), byName);
    std::sort(ops.begin(), ops.end(), byName);
    return {devs, ops};
}

QByteArray pairMatrixCsv(const Planner::FairnessSummary &summary, const QHash<PersonId, Person> &people)
{
    const auto [devs, ops] = pairAxes(summary, people);
    QStringList header{u"dev \\ ops"_s};
    for (const PersonId &o : ops) {
        header.append(csvField(people.value(o).email));
    }
    QString text = header.join(u',') + u'\n';
    for (const PersonId &d : devs) {
        QStringList row{csvField(people.value(d).email)};
        for (const PersonId &o : ops) {
            row.append(QString::number(summary.pairs.value({d, o})));
        }
        text += row.join(u',') + u'\n';
    }
    return text.toUtf8();
}

} // namespace Tandem::Reports
