#include "cbcmodel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tandem::Bench {

namespace {

/// Weight of an empty seat in both objectives: seats are filled wherever the rules allow before
/// fairness counts (a load is at most a few hundred; one gap outweighs any fairness gain).
constexpr double GapPenalty = 1000;
constexpr qint64 Day = 24 * 3600;

QByteArray num(double value)
{
    return QByteArray::number(value, 'g', 12);
}

struct SeatVar
{
    QByteArray name;
    int slot = -1;
    int person = -1;
    bool dev = true;
};

/// A linear expression written as CPLEX LP terms, a few per line.
class Expression
{
public:
    void add(double coefficient, const QByteArray &var)
    {
        if (coefficient == 0) {
            return;
        }
        m_text += coefficient < 0 ? " - " : (m_terms == 0 ? " " : " + ");
        if (std::abs(coefficient) != 1) {
            m_text += num(std::abs(coefficient)) + ' ';
        }
        m_text += var;
        if (++m_terms % 8 == 0) {
            m_text += "\n  ";
        }
    }
    bool isEmpty() const { return m_terms == 0; }
    const QByteArray &text() const { return m_text; }

private:
    QByteArray m_text;
    int m_terms = 0;
};

/// The constraints objectives 1 and 2 share: seats, leave, rest, double booking, concurrency,
/// access, and the loads of every (person, pool).
struct Model
{
    QList<SeatVar> seats;
    QHash<QByteArray, int> seatByName;
    QList<QByteArray> gapVars;
    QList<QByteArray> binaries;
    QList<QPair<QByteArray, QList<int>>> groups; ///< y variable -> the seats it covers
    QByteArray rows;                             // "Subject To" body
    struct Entry
    {
        int person = -1;
        QString pool;
        double target = 0;
        QList<QPair<double, QByteArray>> load; ///< weight x seat variable
        /// The load as LP terms, times `scale`.
        Expression loadTimes(double scale) const
        {
            Expression e;
            for (const auto &[weight, var] : load) {
                e.add(scale * weight, var);
            }
            return e;
        }
    };
    QList<Entry> entries;
};

/// The model of every seat, or of the seats of one pool ("dev:<team>" or "ops:<pool>") only.
Model buildModel(const Instance &instance, const QString &onlyPool = {})
{
    const Planner::PlanRequest &request = instance.request;
    Model model;
    QList<QList<QPair<qint64, qint64>>> leave;
    for (int i = 0; i < request.people.size(); ++i) {
        leave.append(leaveOf(request, i));
    }
    auto away = [&leave](int person, const BenchSlot &slot) {
        const auto &l = leave.at(person);
        return std::any_of(l.cbegin(), l.cend(), [&slot](const QPair<qint64, qint64> &v) {
            return v.first < slot.end && v.second > slot.start;
        });
    };

    // Entries: every member of every pool, with the fair share the planner defines.
    const auto shares = fairShares(instance);
    QHash<QPair<int, QString>, int> entryOf;
    auto entry = [&](int person, const QString &pool) {
        const auto key = qMakePair(person, pool);
        auto it = entryOf.constFind(key);
        if (it != entryOf.constEnd()) {
            return *it;
        }
        Model::Entry e;
        e.person = person;
        e.pool = pool;
        e.target = shares.value(key);
        model.entries.append(e);
        entryOf.insert(key, int(model.entries.size()) - 1);
        return int(model.entries.size()) - 1;
    };
    for (int r = 0; r < request.rotations.size(); ++r) {
        if (onlyPool.isEmpty() || onlyPool == devPoolKey(instance, r)) {
            for (int person : instance.devPool.at(r)) {
                entry(person, devPoolKey(instance, r));
            }
        }
        if (onlyPool.isEmpty() || onlyPool == opsPoolKey(instance, r)) {
            for (int person : instance.opsPool.at(r)) {
                entry(person, opsPoolKey(instance, r));
            }
        }
    }

    // Seats: one binary per eligible (slot, person); leave and access by leaving the variable out.
    std::vector<std::vector<int>> byPerson(size_t(request.people.size()));
    for (int s = 0; s < instance.slots.size(); ++s) {
        const BenchSlot &slot = instance.slots.at(s);
        for (const bool dev : {true, false}) {
            const QString poolKey = dev ? devPoolKey(instance, slot.rotation) : opsPoolKey(instance, slot.rotation);
            if (!onlyPool.isEmpty() && poolKey != onlyPool) {
                continue;
            }
            Expression fill;
            for (int person : dev ? instance.devPool.at(slot.rotation) : instance.opsPool.at(slot.rotation)) {
                if (away(person, slot)) {
                    continue;
                }
                SeatVar v{(dev ? "d" : "o") + QByteArray::number(s) + '_' + QByteArray::number(person), s, person, dev};
                fill.add(1, v.name);
                model.binaries.append(v.name);
                model.seatByName.insert(v.name, int(model.seats.size()));
                byPerson[size_t(person)].push_back(int(model.seats.size()));
                model.entries[entry(person, poolKey)].load.append({slot.weight, v.name});
                model.seats.append(v);
            }
            const QByteArray gap = (dev ? "gd" : "go") + QByteArray::number(s);
            fill.add(1, gap);
            model.gapVars.append(gap);
            model.binaries.append(gap); // binary, so that a MIP start can name it
            model.rows += QByteArray(dev ? " fd" : " fo") + QByteArray::number(s) + ':' + fill.text() + " = 1\n";
        }
    }

    // Per person: seats at the same time form a group (ops may hold up to the concurrency there,
    // a developer seat allows one); two groups that overlap, or leave less than the later shift's
    // minimum rest between them, exclude each other.
    for (int person = 0; person < request.people.size(); ++person) {
        struct Group
        {
            qint64 start = 0;
            qint64 end = 0;
            qint64 rest = 0;
            QByteArray use;
        };
        QMap<QPair<qint64, qint64>, QList<int>> grouped;
        for (int v : byPerson[size_t(person)]) {
            const BenchSlot &slot = instance.slots.at(model.seats.at(v).slot);
            grouped[{slot.start, slot.end}].append(v);
        }
        QList<Group> groups;
        for (auto it = grouped.cbegin(); it != grouped.cend(); ++it) {
            Group g{it.key().first, it.key().second, 0, {}};
            bool anyDev = false;
            int concurrency = std::numeric_limits<int>::max();
            for (int v : it.value()) {
                const Rotation &rotation = request.rotations.at(instance.slots.at(model.seats.at(v).slot).rotation);
                anyDev = anyDev || model.seats.at(v).dev;
                concurrency = std::min(concurrency, std::max(1, rotation.rules.opsConcurrency));
                g.rest = std::max(g.rest, rotation.rules.minRestHours < 0 ? g.end - g.start
                                                                          : qint64(rotation.rules.minRestHours) * 3600);
            }
            if (it.value().size() == 1) {
                g.use = model.seats.at(it.value().first()).name;
            } else {
                g.use = "y" + QByteArray::number(person) + '_' + QByteArray::number(groups.size());
                model.binaries.append(g.use);
                model.groups.append({g.use, it.value()});
                Expression cap;
                for (int v : it.value()) {
                    cap.add(1, model.seats.at(v).name);
                }
                cap.add(-(anyDev ? 1 : concurrency), g.use);
                model.rows += " cap" + g.use.mid(1) + ':' + cap.text() + " <= 0\n";
            }
            groups.append(g);
        }
        for (int j = 0; j < groups.size(); ++j) {
            for (int i = j - 1; i >= 0 && groups.at(j).start - groups.at(i).start < 62 * Day; --i) {
                const Group &a = groups.at(i);
                const Group &b = groups.at(j);
                const bool overlap = a.end > b.start;
                if (overlap || b.start - a.end < b.rest) {
                    model.rows += " r" + QByteArray::number(person) + '_' + QByteArray::number(i) + '_' +
                                  QByteArray::number(j) + ": " + a.use + " + " + b.use + " <= 1\n";
                }
            }
        }
    }
    return model;
}

QByteArray entryRows(const Model &model)
{
    // v_e = load_e - fair share_e, and |v_e| <= z.
    QByteArray rows;
    for (int e = 0; e < model.entries.size(); ++e) {
        const Model::Entry &entry = model.entries.at(e);
        const QByteArray n = QByteArray::number(e);
        rows += " l" + n + ':' + entry.loadTimes(1).text() + " - v" + n + " = " + num(entry.target) + '\n';
        rows += " up" + n + ": v" + n + " - z <= 0\n";
        rows += " lo" + n + ": v" + n + " + z >= 0\n";
    }
    return rows;
}

QByteArray footer(const Model &model, const QByteArray &extraBounds, const QList<QByteArray> &extraBinaries = {})
{
    QByteArray text = "Bounds\n";
    for (int e = 0; e < model.entries.size(); ++e) {
        text += " v" + QByteArray::number(e) + " free\n";
    }
    text += extraBounds;
    text += "Binaries\n";
    const QList<QByteArray> binaries = model.binaries + extraBinaries;
    for (int i = 0; i < binaries.size(); ++i) {
        text += ' ' + binaries.at(i) + (i % 8 == 7 ? "\n" : "");
    }
    text += "\nEnd\n";
    return text;
}

QByteArray gapObjective(const Model &model)
{
    Expression gaps;
    for (const QByteArray &gap : model.gapVars) {
        gaps.add(GapPenalty, gap);
    }
    return gaps.text();
}

/// A MIP start in CBC's solution format: every binary of the model with its value in `shifts`.
bool writeStart(const Model &model, const Instance &instance, const QList<Shift> &shifts, const QString &path)
{
    QHash<ShiftId, int> slotOf;
    for (int s = 0; s < instance.slots.size(); ++s) {
        slotOf.insert(instance.slots.at(s).id, s);
    }
    QHash<PersonId, int> personOf;
    for (int i = 0; i < instance.request.people.size(); ++i) {
        personOf.insert(instance.request.people.at(i).id, i);
    }
    QSet<QByteArray> ones;
    for (int s = 0; s < instance.slots.size(); ++s) {
        ones.insert("gd" + QByteArray::number(s));
        ones.insert("go" + QByteArray::number(s));
    }
    for (const Shift &shift : shifts) {
        const int s = slotOf.value(shift.id, -1);
        if (s < 0) {
            continue;
        }
        if (!shift.dev.isNull()) {
            ones.insert("d" + QByteArray::number(s) + '_' + QByteArray::number(personOf.value(shift.dev)));
            ones.remove("gd" + QByteArray::number(s));
        }
        if (!shift.ops.isNull()) {
            ones.insert("o" + QByteArray::number(s) + '_' + QByteArray::number(personOf.value(shift.ops)));
            ones.remove("go" + QByteArray::number(s));
        }
    }
    for (const auto &[y, seats] : model.groups) {
        if (std::any_of(seats.cbegin(), seats.cend(), [&](int v) { return ones.contains(model.seats.at(v).name); })) {
            ones.insert(y);
        }
    }
    QByteArray text = "Feasible - objective value 0\n";
    for (int i = 0; i < model.binaries.size(); ++i) {
        text += QByteArray::number(i) + ' ' + model.binaries.at(i) +
                (ones.contains(model.binaries.at(i)) ? " 1\n" : " 0\n");
    }
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

CbcSolve runCbc(const Model &model, const Instance &instance, const QString &cbc, const QString &lp, int seconds,
                const QList<Shift> &start, bool reuse = false)
{
    CbcSolve solve;
    solve.modelFile = lp;
    const QString solution = lp.chopped(3) + u".sol"_s;
    QFile log(lp.chopped(3) + u".log"_s);
    QByteArray output;
    if (reuse && log.open(QIODevice::ReadOnly)) {
        // The same model was solved before with the same limit: read that solve again.
        output = log.readAll();
        log.close();
        const auto wall =
            QRegularExpression(u"Total time \\(CPU seconds\\):\\s+\\S+\\s+\\(Wallclock seconds\\):\\s+(\\S+)"_s)
                .match(QString::fromUtf8(output));
        solve.seconds = wall.hasMatch() ? wall.captured(1).toDouble() : 0;
    }
    if (output.isEmpty() || !output.contains("Result - ")) {
        QFile::remove(solution);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer timer;
        timer.start();
        QStringList arguments = {lp};
        const QString startFile = lp.chopped(3) + u".start"_s;
        if (!start.isEmpty() && writeStart(model, instance, start, startFile)) {
            arguments += {u"-mips"_s, startFile};
        }
        // Loads are fractions of a day: CBC's default gap of 1e-10 keeps it branching on rounding
        // noise long after the best plan is found; 1e-4 of a weighted day is far below any change
        // a seat can make.
        arguments +=
            {u"-allowableGap"_s, u"1e-4"_s, u"-sec"_s, QString::number(seconds), u"-solve"_s, u"-solution"_s, solution};
        process.start(cbc, arguments);
        if (!process.waitForStarted()) {
            solve.status = u"cbc did not start: "_s + process.errorString();
            return solve;
        }
        process.waitForFinished((seconds + 300) * 1000);
        solve.seconds = double(timer.elapsed()) / 1000.0;
        output = process.readAll();
        if (log.open(QIODevice::WriteOnly)) {
            log.write(output);
            log.close();
        }
    }
    const QString text = QString::fromUtf8(output);
    const auto result = QRegularExpression(u"Result - (.*)"_s).match(text);
    if (!result.hasMatch()) {
        solve.status = u"no result from cbc (see %1)"_s.arg(log.fileName());
        return solve;
    }
    solve.ran = true;
    solve.status = result.captured(1).trimmed();
    solve.optimal = solve.status.startsWith(u"Optimal"_s);
    const auto value = QRegularExpression(u"Objective value:\\s+(\\S+)"_s).match(text);
    if (value.hasMatch()) {
        solve.objective = value.captured(1).toDouble();
    }
    const auto bound = QRegularExpression(u"Lower bound:\\s+(\\S+)"_s).match(text);
    solve.bound = solve.optimal ? solve.objective : bound.hasMatch() ? bound.captured(1).toDouble() : solve.bound;

    QFile file(solution);
    if (!file.open(QIODevice::ReadOnly)) {
        return solve;
    }
    QHash<int, int> dev;
    QHash<int, int> ops;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        QList<QByteArray> tokens = lines.at(i).simplified().split(' ');
        if (!tokens.isEmpty() && tokens.first() == "**") {
            tokens.removeFirst();
        }
        if (tokens.size() < 3 || tokens.at(2).toDouble() < 0.5) {
            continue;
        }
        const auto it = model.seatByName.constFind(tokens.at(1));
        if (it != model.seatByName.constEnd()) {
            const SeatVar &v = model.seats.at(*it);
            (v.dev ? dev : ops).insert(v.slot, v.person);
        }
    }
    for (int s = 0; s < instance.slots.size(); ++s) {
        const BenchSlot &slot = instance.slots.at(s);
        Shift shift;
        shift.id = slot.id;
        shift.rotationId = instance.request.rotations.at(slot.rotation).id;
        shift.start = slot.slot.start;
        shift.end = slot.slot.end;
        if (dev.contains(s)) {
            shift.dev = instance.request.people.at(dev.value(s)).id;
        } else {
            ++solve.gaps;
        }
        if (ops.contains(s)) {
            shift.ops = instance.request.people.at(ops.value(s)).id;
        } else {
            ++solve.gaps;
        }
        solve.shifts.append(shift);
    }
    return solve;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

/// The largest |load - fair share| of a solution, computed from the model's own figures.
double maxDeviationOf(const Model &model, const Instance &instance, const QList<Shift> &shifts)
{
    QHash<QPair<int, QString>, double> loads;
    QHash<PersonId, int> indexOf;
    for (int i = 0; i < instance.request.people.size(); ++i) {
        indexOf.insert(instance.request.people.at(i).id, i);
    }
    for (int s = 0; s < shifts.size(); ++s) {
        const BenchSlot &slot = instance.slots.at(s);
        if (!shifts.at(s).dev.isNull()) {
            loads[{indexOf.value(shifts.at(s).dev), devPoolKey(instance, slot.rotation)}] += slot.weight;
        }
        if (!shifts.at(s).ops.isNull()) {
            loads[{indexOf.value(shifts.at(s).ops), opsPoolKey(instance, slot.rotation)}] += slot.weight;
        }
    }
    double z = 0;
    for (const Model::Entry &e : model.entries) {
        z = std::max(z, std::abs(loads.value({e.person, e.pool}) - e.target));
    }
    return z;
}

/// Every load an entry can reach: the distinct sums of subsets of the weights of the seats it may
/// take. Empty when there are more than `limit` of them.
std::vector<double> reachableLoads(const Model::Entry &entry, size_t limit)
{
    std::vector<double> sums{0.0};
    for (const auto &[weight, var] : entry.load) {
        const size_t n = sums.size();
        for (size_t i = 0; i < n; ++i) {
            sums.push_back(sums[i] + weight);
        }
        std::sort(sums.begin(), sums.end());
        sums.erase(std::unique(sums.begin(), sums.end(), [](double a, double b) { return std::abs(a - b) < 1e-9; }),
                   sums.end());
        if (sums.size() > limit) {
            return {};
        }
    }
    return sums;
}

} // namespace

CbcSolve solvePoolWithCbc(const Instance &instance, const QString &poolKey, const QString &cbc, const QString &lp,
                          int seconds, const QList<Shift> &start)
{
    const Model model = buildModel(instance, poolKey);
    // The load of each person takes exactly one of the values it can reach: y_e_k = 1 for the one
    // it takes, and z is at least that value's distance from the fair share. An exact model with a
    // far stronger LP relaxation than |load - share| <= z alone (whose LP lets every load hit its
    // share exactly): CBC proves in a second what it cannot prove in minutes without it.
    // With many reachable values (daily shifts) the extra binaries slow CBC down more than they
    // help; there z only gets the bound of the nearest reachable value, which one person alone shows.
    QByteArray values;
    QList<QByteArray> choices;
    double alone = 0;
    for (int e = 0; e < model.entries.size(); ++e) {
        const Model::Entry &entry = model.entries.at(e);
        const std::vector<double> loads = reachableLoads(entry, 100000);
        if (loads.empty()) {
            continue;
        }
        if (loads.size() > 64) {
            double nearest = std::numeric_limits<double>::infinity();
            for (double load : loads) {
                nearest = std::min(nearest, std::abs(load - entry.target));
            }
            alone = std::max(alone, nearest);
            continue;
        }
        const QByteArray n = QByteArray::number(e);
        Expression one;
        Expression value = entry.loadTimes(-1);
        Expression distance;
        distance.add(1, "z");
        for (size_t k = 0; k < loads.size(); ++k) {
            const QByteArray y = "y" + n + '_' + QByteArray::number(qulonglong(k));
            choices.append(y);
            one.add(1, y);
            value.add(loads[k], y);
            distance.add(-std::abs(loads[k] - entry.target), y);
        }
        values += " one" + n + ':' + one.text() + " = 1\n";
        values += " value" + n + ':' + value.text() + " = 0\n";
        values += " far" + n + ':' + distance.text() + " >= 0\n";
    }
    // People with the same fair share and the same seats they may take are interchangeable: any
    // plan can be relabelled so that their loads do not increase down the list. Saying so spares
    // CBC the same search once per permutation of them.
    QMap<QPair<qint64, QList<int>>, QList<int>> twins;
    for (int e = 0; e < model.entries.size(); ++e) {
        QList<int> slots;
        for (const auto &[weight, var] : model.entries.at(e).load) {
            slots.append(model.seats.at(model.seatByName.value(var)).slot);
        }
        twins[{qRound64(model.entries.at(e).target * 1e6), slots}].append(e);
    }
    QByteArray symmetry;
    int rows = 0;
    for (const QList<int> &group : std::as_const(twins)) {
        for (int k = 1; k < group.size(); ++k) {
            Expression order = model.entries.at(group.at(k - 1)).loadTimes(1);
            for (const auto &[weight, var] : model.entries.at(group.at(k)).load) {
                order.add(-weight, var);
            }
            if (!order.isEmpty()) {
                symmetry += " sym" + QByteArray::number(rows++) + ':' + order.text() + " >= 0\n";
            }
        }
    }
    // The start is part of what CBC gets: its fingerprint goes into the header, so that a model is
    // read back from an earlier run only when the start was the same too.
    size_t fingerprint = 0;
    for (const Shift &shift : start) {
        fingerprint = qHashMulti(fingerprint, shift.id, shift.dev, shift.ops);
    }
    const QByteArray text = "\\ Tandem planner quality harness, instance " + instance.name.toUtf8() + ", pool " +
                            poolKey.toUtf8() + ", " + QByteArray::number(seconds) + " s, start " +
                            QByteArray::number(qulonglong(fingerprint), 16) + ": " + instance.description.toUtf8() +
                            "\nMinimize\n obj: z +" + gapObjective(model) + "\nSubject To\n" + model.rows +
                            entryRows(model) + values + symmetry +
                            footer(model, alone > 1e-6 ? " z >= " + num(alone - 1e-7) + '\n' : QByteArray(), choices);
    // The same model (and limit, in the header) as last time: its solve is read back, not repeated.
    QFile previous(lp);
    const bool reuse = previous.open(QIODevice::ReadOnly) && previous.readAll() == text;
    if (!reuse && !writeFile(lp, text)) {
        CbcSolve solve;
        solve.status = u"cannot write "_s + lp;
        return solve;
    }
    return runCbc(model, instance, cbc, lp, seconds, start, reuse);
}

CbcComparison solveWithCbc(const Instance &instance, const QString &cbc, const QString &folder, int seconds1,
                           int seconds2, const QList<Shift> &start, int sameCoverageGaps)
{
    CbcComparison comparison;
    const Model model = buildModel(instance);
    const QByteArray header =
        "\\ Tandem planner benchmark, instance " + instance.name.toUtf8() + ": " + instance.description.toUtf8() + "\n";

    // Objective 1: the largest deviation from fair share.
    const QString lp1 = folder + u"/plannerbench-%1-maxdev.lp"_s.arg(instance.name);
    const QByteArray model1 = header + "Minimize\n obj: z +" + gapObjective(model) + "\nSubject To\n" + model.rows +
                              entryRows(model) + footer(model, {});
    if (!writeFile(lp1, model1)) {
        comparison.maxDeviation.status = u"cannot write "_s + lp1;
        return comparison;
    }
    comparison.maxDeviation = runCbc(model, instance, cbc, lp1, seconds1, start);
    if (sameCoverageGaps >= 0) {
        Expression gaps;
        for (const QByteArray &gap : model.gapVars) {
            gaps.add(1, gap);
        }
        const QString lp = folder + u"/plannerbench-%1-maxdev-%2gaps.lp"_s.arg(instance.name).arg(sameCoverageGaps);
        const QByteArray text = header + "Minimize\n obj: z\nSubject To\n" + model.rows + entryRows(model) +
                                " coverage:" + gaps.text() + " = " + QByteArray::number(sameCoverageGaps) + '\n' +
                                footer(model, {});
        if (writeFile(lp, text)) {
            comparison.sameCoverage = runCbc(model, instance, cbc, lp, seconds1, start);
        }
    }
    if (comparison.maxDeviation.shifts.isEmpty()) {
        return comparison;
    }

    // Objective 2: sum of squared deviations with z at objective 1's best, as the maximum of
    // tangents t(d) = 2ad - a^2 of d^2 (an outer approximation: its optimum is a lower bound).
    comparison.zFixed = maxDeviationOf(model, instance, comparison.maxDeviation.shifts) + 1e-7;
    comparison.tangents = 25;
    QByteArray tangents;
    Expression squares;
    for (int e = 0; e < model.entries.size(); ++e) {
        const QByteArray q = "q" + QByteArray::number(e);
        squares.add(1, q);
        for (int k = 0; k < comparison.tangents; ++k) {
            const double a = comparison.zFixed * (2.0 * k / (comparison.tangents - 1) - 1.0);
            // q_e >= 2a v_e - a^2, a tangent of v_e^2 at a.
            Expression row;
            row.add(1, q);
            row.add(-2 * a, "v" + QByteArray::number(e));
            tangents += " t" + QByteArray::number(e) + '_' + QByteArray::number(k) + ':' + row.text() +
                        " >= " + num(-a * a) + '\n';
        }
    }
    const QString lp2 = folder + u"/plannerbench-%1-sumsq.lp"_s.arg(instance.name);
    const QByteArray model2 = header + "Minimize\n obj:" + squares.text() + " +" + gapObjective(model) +
                              "\nSubject To\n" + model.rows + entryRows(model) + tangents +
                              footer(model, " z <= " + num(comparison.zFixed) + '\n');
    if (!writeFile(lp2, model2)) {
        comparison.sumSquares.status = u"cannot write "_s + lp2;
        return comparison;
    }
    comparison.sumSquares = runCbc(model, instance, cbc, lp2, seconds2, comparison.maxDeviation.shifts);
    return comparison;
}

} // namespace Tandem::Bench
