#include "clicommand.h"

#include "cli.h"
#include "services/demodata.h"
#include "services/identity.h"
#include "services/rosterservice.h"
#include "store/database.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Tandem {

Command::Command(QStringList words, QString synopsis, QString summary)
    : m_words(std::move(words)), m_synopsis(std::move(synopsis)), m_summary(std::move(summary))
{}

Command::~Command() = default;

void Command::addArgument(const QString &name, const QString &description, const QString &syntax)
{
    m_arguments.append({name, description, syntax});
}

QCommandLineOption Command::helpOption()
{
    return QCommandLineOption({u"h"_s, u"help"_s}, tr("Show this help."));
}

void Command::setUpParser(QCommandLineParser &parser) const
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(m_description);
    parser.addOptions(m_options);
    parser.addOption(helpOption());
    for (const CommandArgument &argument : m_arguments) {
        parser.addPositionalArgument(argument.name, argument.description, argument.syntax);
    }
}

QString Command::helpText() const
{
    QCommandLineParser parser;
    setUpParser(parser);
    // Qt's first line names the program as started (./build/bin/tandem [options]).
    QString text = parser.helpText();
    text.replace(0, text.indexOf(u'\n'), tr("Usage: tandem %1").arg(m_synopsis));
    return text;
}

int Command::execute(const CliContext &context, const QStringList &args)
{
    m_context = &context;
    m_rawArguments = args;
    QCommandLineParser parser;
    setUpParser(parser);
    if (!parser.parse(QStringList{u"tandem"_s} + args)) {
        return usage(parser.errorText());
    }
    if (parser.isSet(u"help"_s)) {
        print(helpText());
        return ExitOk;
    }
    return run(parser);
}

void Command::print(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), out());
    fflush(out());
}

int Command::fail(const QString &message) const
{
    fprintf(err(), "tandem: %s\n", qPrintable(message));
    fflush(err());
    return ExitBadInput;
}

int Command::usage(const QString &message) const
{
    fprintf(err(), "tandem: %s\n", qPrintable(tr("%1 (see tandem --help)").arg(message)));
    fflush(err());
    return ExitUsage;
}

std::unique_ptr<Database> Command::openDatabaseOrFail() const
{
    QString error;
    auto db = openCliDatabase(context(), &error);
    if (!db) {
        fail(error);
    }
    return db;
}

std::optional<int> DatabaseCommand::check(const QCommandLineParser &)
{
    return std::nullopt;
}

int DatabaseCommand::run(const QCommandLineParser &parser)
{
    if (const auto stop = check(parser)) {
        return *stop;
    }
    auto db = openDatabaseOrFail();
    if (!db) {
        return ExitBadInput;
    }
    return runOn(parser, *db);
}

std::unique_ptr<Database> openCliDatabase(const CliContext &context, QString *error)
{
    auto db = Database::open(context.dbPath);
    if (!db) {
        *error = db.errorMessage();
        return nullptr;
    }
    db.value()->setActor(defaultActor());
    // Another Tandem may hold the write lock for long (an import of 100,000 people): a command
    // waits for it, saying so once, instead of failing after the 5 s busy timeout.
    FILE *err = context.err;
    db.value()->setWriteWait(std::chrono::minutes(5), [err] {
        fprintf(err, "tandem: %s\n",
                qPrintable(Cli::tr("waiting for another Tandem to finish writing to the database…")));
        fflush(err);
    });
    if (context.demo) {
        auto people = RosterService(*db.value()).people();
        if (people && people->isEmpty()) {
            if (auto status = createDemoData(*db.value()); !status) {
                *error = status.errorMessage();
                return nullptr;
            }
        }
    }
    return std::move(db).value();
}

} // namespace Tandem
