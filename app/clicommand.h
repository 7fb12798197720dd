#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

class QCommandLineParser;

namespace Tandem {

class Database;

/// Exit statuses of the command line.
enum ExitCode { ExitOk = 0, ExitBadInput = 1, ExitUsage = 2 };

/// What a command runs with: its output streams and the database the global options chose
/// (--db PATH, --demo or the default file).
struct CliContext
{
    FILE *out = stdout;
    FILE *err = stderr;
    QString dbPath;
    bool demo = false;
};

/// A positional argument of a command, as its --help lists it.
struct CommandArgument
{
    QString name;        ///< "FILE": the name in the help's argument list
    QString description; ///< its line there
    QString syntax;      ///< "[FILE]" when the argument may be left out; empty: the name
};

/// One command of `tandem COMMAND ...` (KeePassXC's shape): what to type, its synopsis and
/// summary for `tandem --help`, its description, options and arguments for `COMMAND --help`,
/// and run(). The help, the man page and the shell completion are all written from these
/// fields (Cli::generalHelp(), Cli::reference()), so they cannot drift from what the command
/// parses: execute() builds its parser from the same fields.
///
/// A command's strings are in the translation context of the command line ("Tandem::Cli"),
/// so a subclass declares Q_DECLARE_TR_FUNCTIONS(Tandem::Cli) too (lupdate reads it there).
class Command
{
    Q_DECLARE_TR_FUNCTIONS(Tandem::Cli)

public:
    Command(QStringList words, QString synopsis, QString summary);
    virtual ~Command();
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    /// Parses `args` (what follows the command's words) with the options and arguments below,
    /// answers --help, else runs the command. Returns the exit status (ExitCode).
    int execute(const CliContext &context, const QStringList &args);

    QString name() const { return m_words.join(u' '); }
    const QStringList &words() const { return m_words; }
    /// The usage after "tandem ": "roster import FILE.csv [--valid-only]".
    const QString &synopsis() const { return m_synopsis; }
    /// Its line in `tandem --help`: the synopsis, or one shared with the next command
    /// ("swap accept|decline ID [--person EMAIL]" stands for swap accept and swap decline).
    const QString &listing() const { return m_listing.isEmpty() ? m_synopsis : m_listing; }
    /// The line under it in `tandem --help`.
    const QString &summary() const { return m_summary; }
    /// The paragraph of `COMMAND --help` under the usage.
    const QString &description() const { return m_description; }
    /// The options, in the order `COMMAND --help` lists them (then -h, --help).
    const QList<QCommandLineOption> &options() const { return m_options; }
    const QList<CommandArgument> &arguments() const { return m_arguments; }
    /// The option every command takes, after its own: -h, --help.
    static QCommandLineOption helpOption();
    /// `tandem COMMAND --help`.
    QString helpText() const;

protected:
    void setListing(const QString &listing) { m_listing = listing; }
    void setDescription(const QString &description) { m_description = description; }
    void addOptions(const QList<QCommandLineOption> &options) { m_options += options; }
    void addArgument(const QString &name, const QString &description, const QString &syntax = {});

    /// The command itself, after a successful parse without --help.
    virtual int run(const QCommandLineParser &parser) = 0;

    /// The arguments execute() parsed (for a command that hands them on unchanged).
    const QStringList &rawArguments() const { return m_rawArguments; }
    const CliContext &context() const { return *m_context; }
    FILE *out() const { return m_context->out; }
    FILE *err() const { return m_context->err; }
    /// `text` on standard output as UTF-8, flushed.
    void print(const QString &text) const;
    /// `message` as one line on standard error; ExitBadInput.
    int fail(const QString &message) const;
    /// `message` and "(see tandem --help)" as one line on standard error; ExitUsage.
    int usage(const QString &message) const;
    /// The database of the context, or null after saying on stderr why it cannot be opened.
    std::unique_ptr<Database> openDatabaseOrFail() const;

private:
    void setUpParser(QCommandLineParser &parser) const;

    QStringList m_words;
    QString m_synopsis;
    QString m_listing;
    QString m_summary;
    QString m_description;
    QList<QCommandLineOption> m_options;
    QList<CommandArgument> m_arguments;
    const CliContext *m_context = nullptr;
    QStringList m_rawArguments;
};

/// A command that works on the database: execute() parses, check() reads the arguments
/// that need no database, then the database opens once and runOn() gets it.
class DatabaseCommand : public Command
{
public:
    using Command::Command;

protected:
    /// What can be said wrong before the database opens (argument counts, required options,
    /// dates): an exit status to stop with, or nullopt to go on. A command that reads an input
    /// file reads it here too, so a bad file is reported before the database is touched.
    virtual std::optional<int> check(const QCommandLineParser &parser);
    /// The command, on the open database (the name keeps it apart from Command::run()).
    virtual int runOn(const QCommandLineParser &parser, Database &db) = 0;

private:
    int run(const QCommandLineParser &parser) final;
};

/// The database at `context.dbPath`, the actor set, waiting for another writer (saying so once
/// on stderr); with --demo filled with the demo team on first use. Null with `error` set.
std::unique_ptr<Database> openCliDatabase(const CliContext &context, QString *error);

/// Every command, in the order `tandem --help` lists them (cli.cpp). To add a command: write its
/// class (a Command or DatabaseCommand) in the file of its group, a factory function beside it,
/// declare the factory in clicommands.h and add it to this table.
std::vector<std::unique_ptr<Command>> allCommands();

} // namespace Tandem
