#pragma once

#include "domain/ids.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace Tandem {

/// A team's link to a CalDAV collection. The password is never here: it is in the OS keychain.
struct SyncAccount
{
    TeamId team;
    QUrl url; ///< the collection
    QString username;
    bool allowInsecureHttp = false;
    bool readOnly = false; ///< the server refused a write (HTTP 403): only pull
    QByteArray syncToken;
    QDateTime lastSync; ///< UTC; null before the first successful sync
    QString lastStatus; ///< the last outcome, in words
};

/// The last synced copy of one resource of the collection.
struct SyncItem
{
    QString uid;
    QString kind; ///< resourceKindToString()
    QString href;
    QByteArray etag;
    QJsonObject base;     ///< the JSON both sides agreed on: the base of the three-way merge
    QByteArray serverIcs; ///< the server's text: properties of other clients are kept from it
};

/// A change that could not be merged, or server data that fails the checks of a local edit:
/// kept aside until the user chooses. Resolving merges afresh (see resolveConflict()).
struct SyncConflict
{
    QString uid;
    QString kind;
    QStringList fields; ///< what both sides changed differently ("name", "people/<id>/phone"...)
    QJsonObject base;   ///< the last version both sides agreed on (empty: none)
    QJsonObject mine;   ///< the local version when last looked at; empty: deleted here
    QJsonObject theirs; ///< the server's newest version seen; empty: deleted there
    QByteArray theirsEtag;
    QDateTime detected;
    QString problem; ///< why the server's version cannot be written here (empty: a plain conflict)
};

/// A change from the server that breaks a rule (a gap, an overlap, a hard rule): applied,
/// because the server is the shared truth, and flagged for the lead until dismissed or fixed.
struct SyncFlag
{
    qint64 id = 0;
    QString kind;     ///< "gap", "overlap", "seat", "rule"
    QString shift;    ///< the shift it is about (may be deleted)
    QString rotation; ///< its rotation
    QDateTime start;  ///< UTC: the interval at fault
    QDateTime end;
    QString actor; ///< who made the change ("a teammate via HOST")
    QString text;  ///< in words, e.g. "a teammate via cal.example.com deleted the shift of 14 Dec: gap"
    QDateTime detected;

    friend bool operator==(const SyncFlag &, const SyncFlag &) = default;
};

/// An all-day event another calendar client put in the shared calendar that reads as time off
/// of someone on the roster: offered for import, never taken silently.
struct SyncOffer
{
    enum class State { Open, Imported, Dismissed };
    QString uid; ///< the event's UID on the server
    QString person;
    QDate from;
    QDate to; ///< included
    QString summary;
    State state = State::Open;
    QString timeOff; ///< the time off made from it, once imported

    friend bool operator==(const SyncOffer &, const SyncOffer &) = default;
};

} // namespace Tandem
