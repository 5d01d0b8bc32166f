#pragma once
// Which recorded evaluations still shape the music at the end of a session, so that
// evaluating just those again, in order, brings back what was playing.
//
// Each successful evaluation is compiled again (lang::compile) to learn what it set:
// channels d1..d16 (a bare expression plays on d1, as the scheduler does), the tempo
// (setcps), mute and solo flags. An evaluation stays in the plan while it is the last to
// have set something still in effect; it drops out once everything it set was set again
// later. Setting a channel to a pattern with no events (`d1 $ silence`) counts as
// silencing it: such an evaluation stays only where an earlier kept evaluation set that
// channel, so replaying the earlier one does not bring the sound back. `hush` — evaluated
// or from the transport controls — clears everything before it. docs/journal.md has
// the worked examples the tests check.
#include <string>
#include <vector>

#include "session/journal_reader.hpp"

namespace seiche::session {

struct RestoreOutcome {
    std::vector<std::string> evaluations;  // code to evaluate again, in order
    std::vector<int> playingChannels;      // 1..16 that were sounding at the end
    double cps = 0;                        // the tempo at the end; 0 when nothing said
    bool transportStopped = false;
};

RestoreOutcome planRestore(const std::vector<RecordedEvaluation>& evaluations,
                           const std::vector<RecordedTransport>& transport);

// What restoring this session would bring back: its open buffers and planRestore's outcome.
StoreResult<RestorePlan> restorePlanFor(Database& database, std::int64_t sessionId);

}  // namespace seiche::session
