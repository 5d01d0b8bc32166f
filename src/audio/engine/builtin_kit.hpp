#pragma once
// The synthesized drum kit under Dirt's names, so a fresh machine with no
// sample folders still plays `s "bd sn hh"`. Files with the same names win.
namespace seiche::audio {
class SampleBank;
void registerBuiltinKit(SampleBank& bank);
}  // namespace seiche::audio
