#pragma once
// SuperDirt controls (Tidal 1.7.10's Params.hs), kept as data: each control's
// name, the key it sets in the event map, its value type, its aliases and a
// one-line description. The language registers one function per entry and
// the docs / editor completion list the same table.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pattern/pattern.hpp"

namespace seiche {

// The value type a control stores: Tidal's VF, VN, VI, VS, VB, VR.
enum class ControlType : uint8_t { Double, Note, Int, String, Bool, Rational };

enum class ControlKind : uint8_t {
    Plain,    // one key, value stored as its type
    Grouped,  // a "a:b" string split over several keys (sound, cc, nrpn, grain')
    Derived,  // computes another control's value (midinote, drum)
};

struct ControlInfo {
    std::string_view name;  // the function name
    std::string_view key;   // the event-map key it sets (first key for grouped controls)
    ControlType type;       // the type of the function's argument pattern
    std::vector<std::string_view> aliases;
    std::string_view doc;
    ControlKind kind = ControlKind::Plain;
    // Has Tidal's `<name>bus` (send to a control bus) and `<name>recv` (read one) variants.
    bool bus = false;
};

// Every control, plain ones in Params.hs order, then the grouped and derived ones.
const std::vector<ControlInfo>& controlTable();

// Looks a control up by name or alias; nullptr when unknown.
const ControlInfo* findControl(std::string_view nameOrAlias);

// "Double", "Note", "Int", "String", "Bool", "Rational" (the Haskell type name).
std::string_view controlTypeName(ControlType t);

// Converts a scalar to the stored kind of a control of type `t`.
Value toControlValue(ControlType t, const Value& v);

// A plain control: each value v becomes the map {key: v as type t} (Tidal's pF, pI, pN, pS...).
Pattern controlPattern(Symbol key, ControlType t, const Pattern& p);
Pattern controlPattern(std::string_view key, ControlType t, const Pattern& p);

// `<name>bus busid pat`: the control, plus "^key" set to the bus number (Int).
Pattern busControl(const ControlInfo& c, const Pattern& busid, const Pattern& p);
// `<name>recv busid`: only "^key" set to the bus number.
Pattern recvControl(const ControlInfo& c, const Pattern& busid);

// Grouped controls: splits each string at ':' (empty fields dropped) and
// gives field i to key i, numbers parsed as Haskell's `read` would; a field
// that does not parse is left out (Tidal's grp with mS / mF / mI).
struct GroupField {
    std::string_view key;
    ControlType type;  // String, Double or Int
};
Pattern groupedControl(const std::vector<GroupField>& fields, const Pattern& p);

Pattern soundControl(const Pattern& p);  // s / sound: "name:index" -> s (String), n (Double)
Pattern ccControl(const Pattern& p);     // cc "num:value" -> ccn, ccv (Double)
Pattern nrpnControl(const Pattern& p);   // nrpn "num:value" -> nrpn, val (Int)
Pattern grainControl(const Pattern& p);  // grain' "b:e" -> begin, end (Double)
Pattern midinoteControl(const Pattern& p);  // note = midinote - 60
Pattern drumControl(const Pattern& p);      // n = General MIDI drum number - 60

// Tidal's drumN: the General MIDI note of a two-letter drum name, 0 when unknown.
int drumNumber(std::string_view name);

// Haskell's `readMaybe` for Double and Int (decimal, 0x.., 0o.., NaN, Infinity, leading '-').
std::optional<double> readHaskellDouble(std::string_view s);
std::optional<int64_t> readHaskellInt(std::string_view s);

// Tidal's getF / getI / getN on a control value (nothing for strings, bools and,
// for getF/getI, notes — matching Tidal 1.7.10).
std::optional<double> controlGetF(const Value& v);

}  // namespace seiche
