// Onboarding by shadowing: rotation onboard, rotation trainees, rotation confirm, rotation
// withdraw, shift shadow. The rules and the counting are OnboardingService's and ShiftService's.

#include "cli.h"
#include "clicommands.h"
#include "clisupport.h"
#include "services/onboardingservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "services/shiftservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Tandem::CliSupport;

namespace Tandem {

namespace {

/// The rotation and the person the two arguments name, or an exit status after saying why not.
struct RotationAndPerson
{
    Rotation rotation;
    Person person;
};

/// A command over ROTATION EMAIL: onboard, confirm, withdraw.
class TraineeCommand final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    enum class Verb { Onboard, Confirm, Withdraw };

    explicit TraineeCommand(Verb verb)
        : DatabaseCommand({u"rotation"_s, verbWord(verb)}, u"rotation %1 ROTATION EMAIL"_s.arg(verbWord(verb)),
                          summaryOf(verb)),
          m_verb(verb)
    {
        setDescription(descriptionOf(verb));
        addArgument(u"ROTATION"_s, tr("The rotation."));
        addArgument(u"EMAIL"_s, tr("The developer's e-mail on the roster."));
    }

private:
    static QString verbWord(Verb verb)
    {
        return verb == Verb::Onboard ? u"onboard"_s : verb == Verb::Confirm ? u"confirm"_s : u"withdraw"_s;
    }
    static QString summaryOf(Verb verb)
    {
        switch (verb) {
        case Verb::Onboard:
            return tr("Start onboarding a developer: they shadow pairs before joining the rotation.");
        case Verb::Confirm:
            return tr("Confirm a ready trainee: they join the rotation's developer seat.");
        case Verb::Withdraw:
            return tr("Take a developer off the onboarding list without confirming them.");
        }
        return {};
    }
    static QString descriptionOf(Verb verb)
    {
        switch (verb) {
        case Verb::Onboard:
            return tr("Put a developer of the rotation's team on its onboarding list. The planner then schedules them "
                      "into the shadow seat of planned shifts (a third person who watches the pair, with no load and "
                      "no production access), with as many different pairs as it can, until they have done the "
                      "rotation's shadow shifts (rotation edit --shadow-shifts N); it never puts them in the "
                      "developer seat before a lead confirms them.");
        case Verb::Confirm:
            return tr("Take a trainee who has done enough shadow shifts off the onboarding list: from the next plan "
                      "on they take the rotation's developer seat like the team's other developers. Refused, with "
                      "their progress, before they are ready (rotation trainees ROTATION).");
        case Verb::Withdraw:
            return tr("Take a developer off the onboarding list without confirming them; their shadow shifts stay "
                      "in the history.");
        }
        return {};
    }

    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 2) {
            return usage(tr("rotation %1 needs a ROTATION and an EMAIL").arg(verbWord(m_verb)));
        }
        return std::nullopt;
    }

    int runOn(const QCommandLineParser &parser, Database &db) override
    {
        const QString rotationName = parser.positionalArguments().at(0);
        const QString email = parser.positionalArguments().at(1);
        const auto rotation = RotationService(db).rotationByName(rotationName);
        if (!rotation) {
            return fail(rotation.errorMessage());
        }
        if (!rotation.value()) {
            return fail(tr("no rotation named “%1”").arg(rotationName));
        }
        const auto person = RosterService(db).personByEmail(email);
        if (!person) {
            return fail(person.errorMessage());
        }
        if (!person.value()) {
            return fail(tr("nobody on the roster has the e-mail “%1”").arg(email));
        }
        const Rotation &r = *rotation.value();
        const Person &p = *person.value();
        OnboardingService onboarding(db);
        switch (m_verb) {
        case Verb::Onboard:
            if (auto status = onboarding.onboard(r.id, p.id); !status) {
                return fail(status.errorMessage());
            }
            print(r.rules.shadowShiftsNeeded > 0
                      ? tr("%1 is onboarding in %2: %n shadow shift(s) to do.\n", nullptr, r.rules.shadowShiftsNeeded)
                            .arg(p.name, r.name)
                      : tr("%1 is onboarding in %2; set the shadow shifts they need with rotation edit \"%2\" "
                           "--shadow-shifts N.\n")
                            .arg(p.name, r.name));
            return ExitOk;
        case Verb::Confirm:
            if (auto status = onboarding.confirm(r.id, p.id); !status) {
                return fail(status.errorMessage());
            }
            print(tr("%1 is confirmed in %2: the next plan may give them the developer seat.\n").arg(p.name, r.name));
            return ExitOk;
        case Verb::Withdraw:
            if (auto status = onboarding.withdraw(r.id, p.id); !status) {
                return fail(status.errorMessage());
            }
            print(tr("%1 is no longer onboarding in %2.\n").arg(p.name, r.name));
            return ExitOk;
        }
        return ExitOk;
    }

    Verb m_verb;
};

class TraineeList final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    TraineeList()
        : DatabaseCommand({u"rotation"_s, u"trainees"_s}, u"rotation trainees ROTATION [--json]"_s,
                          tr("List the developers onboarding in a rotation and their shadow shifts."))
    {
        setDescription(tr("List the developers onboarding in a rotation: the shadow shifts they have done (ended), "
                          "those still planned, how many the rotation asks, and whether they are ready for a lead to "
                          "confirm (rotation confirm)."));
        addOptions({m_json});
        addArgument(u"ROTATION"_s, tr("The rotation."));
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        if (parser.positionalArguments().size() != 1) {
            return usage(tr("rotation trainees needs exactly one ROTATION"));
        }
        return std::nullopt;
    }

    int runOn(const QCommandLineParser &parser, Database &db) override
    {
        const QString name = parser.positionalArguments().first();
        const auto rotation = RotationService(db).rotationByName(name);
        if (!rotation) {
            return fail(rotation.errorMessage());
        }
        if (!rotation.value()) {
            return fail(tr("no rotation named “%1”").arg(name));
        }
        const auto progress = OnboardingService(db).progress(rotation.value()->id);
        if (!progress) {
            return fail(progress.errorMessage());
        }
        if (parser.isSet(m_json)) {
            QJsonArray array;
            for (const TraineeProgress &p : progress.value()) {
                array.append(QJsonObject{{u"id"_s, p.person.id.toString()},
                                         {u"name"_s, p.person.name},
                                         {u"email"_s, p.person.email},
                                         {u"done"_s, p.done},
                                         {u"planned"_s, p.scheduled},
                                         {u"needed"_s, p.needed},
                                         {u"ready"_s, p.isReady()}});
            }
            print(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
            return ExitOk;
        }
        if (progress->isEmpty()) {
            print(tr("Nobody is onboarding in %1.\n").arg(rotation.value()->name));
            return ExitOk;
        }
        QList<QStringList> rows;
        for (const TraineeProgress &p : progress.value()) {
            rows.append({p.person.name, p.person.email, tr("%1 of %2").arg(p.done).arg(p.needed),
                         QString::number(p.scheduled), p.isReady() ? tr("ready") : tr("not yet")});
        }
        print(table({tr("NAME"), tr("E-MAIL"), tr("DONE"), tr("PLANNED"), tr("READY")}, rows));
        return ExitOk;
    }

    const QCommandLineOption m_json{u"json"_s, tr("Print a JSON array.")};
};

class ShiftShadow final : public DatabaseCommand
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    ShiftShadow()
        : DatabaseCommand({u"shift"_s, u"shadow"_s}, u"shift shadow ID EMAIL|--none"_s,
                          tr("Put a developer in a shift's shadow seat, or take them out."))
    {
        setDescription(tr("Put a developer in the shadow seat of the shift ID (as shifts list --json shows it): a "
                          "third person who watches the pair, with no load and no production access. Refused when "
                          "they are on leave, on call or shadowing at the same time, would rest too little, or hold "
                          "a seat of the shift. --none empties the shadow seat."));
        addOptions({m_none});
        addArgument(u"ID"_s, tr("The shift."));
        addArgument(u"EMAIL"_s, tr("The shadow's e-mail on the roster."), u"[EMAIL]"_s);
    }

private:
    std::optional<int> check(const QCommandLineParser &parser) override
    {
        const qsizetype count = parser.positionalArguments().size();
        if (parser.isSet(m_none) ? count != 1 : count != 2) {
            return usage(tr("shift shadow needs an ID and an EMAIL, or an ID and --none"));
        }
        return std::nullopt;
    }

    int runOn(const QCommandLineParser &parser, Database &db) override
    {
        const ShiftId id = ShiftId::fromString(parser.positionalArguments().first());
        if (id.isNull()) {
            return fail(tr("“%1” is not a shift id").arg(parser.positionalArguments().first()));
        }
        PersonId shadow;
        QString name;
        if (!parser.isSet(m_none)) {
            const QString email = parser.positionalArguments().at(1);
            const auto person = RosterService(db).personByEmail(email);
            if (!person) {
                return fail(person.errorMessage());
            }
            if (!person.value()) {
                return fail(tr("nobody on the roster has the e-mail “%1”").arg(email));
            }
            shadow = person.value()->id;
            name = person.value()->name;
        }
        const auto edit = ShiftService(db).setShadow(id, shadow);
        if (!edit) {
            return fail(edit.errorMessage());
        }
        print(shadow.isNull() ? tr("Nobody shadows the shift.\n") : tr("%1 shadows the shift.\n").arg(name));
        return ExitOk;
    }

    const QCommandLineOption m_none{u"none"_s, tr("Empty the shadow seat.")};
};

} // namespace

std::unique_ptr<Command> rotationOnboardCommand()
{
    return std::make_unique<TraineeCommand>(TraineeCommand::Verb::Onboard);
}

std::unique_ptr<Command> rotationTraineesCommand()
{
    return std::make_unique<TraineeList>();
}

std::unique_ptr<Command> rotationConfirmCommand()
{
    return std::make_unique<TraineeCommand>(TraineeCommand::Verb::Confirm);
}

std::unique_ptr<Command> rotationWithdrawCommand()
{
    return std::make_unique<TraineeCommand>(TraineeCommand::Verb::Withdraw);
}

std::unique_ptr<Command> shiftShadowCommand()
{
    return std::make_unique<ShiftShadow>();
}

} // namespace Tandem
