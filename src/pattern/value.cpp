#include "pattern/value.hpp"

#include <algorithm>
#include <atomic>
#include <new>
#include <charconv>
#include <cmath>

namespace seiche {

// One allocation per map: header then entries. Values are shared between the
// scheduler and GUI threads (patterns hold them), so the count is atomic.
struct MapStorage {
    std::atomic<uint32_t> refs{1};
    uint32_t size = 0;
    MapView::Entry* items() { return reinterpret_cast<MapView::Entry*>(this + 1); }
};
static_assert(sizeof(MapStorage) % alignof(MapView::Entry) == 0);

MapStorage* Value::allocateMap(size_t capacity) {
    void* raw = ::operator new(sizeof(MapStorage) + capacity * sizeof(MapView::Entry));
    return new (raw) MapStorage();
}

std::pair<Symbol, Value>* Value::entries(MapStorage* m) { return m->items(); }
void Value::setSize(MapStorage* m, size_t n) { m->size = static_cast<uint32_t>(n); }

void Value::discardMap(MapStorage* m) {
    for (uint32_t i = 0; i < m->size; ++i) m->items()[i].~pair();
    m->~MapStorage();
    ::operator delete(m);
}

Value Value::adoptMap(MapStorage* m) {
    Value v;
    v.kind_ = ValueKind::Map;
    v.m_ = m;
    return v;
}

void Value::copyPayload(const Value& o, bool addRef) {
    static_assert(sizeof(Rational) >= sizeof(MapStorage*));
    r_ = o.r_;  // the widest member carries every payload's bits
    if (kind_ == ValueKind::Map) {
        m_ = o.m_;
        if (addRef) m_->refs.fetch_add(1, std::memory_order_relaxed);
    }
}

void Value::release() {
    if (m_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        for (uint32_t i = 0; i < m_->size; ++i) m_->items()[i].~pair();
        m_->~MapStorage();
        ::operator delete(m_);
    }
}

void Value::swap(Value& o) noexcept {
    std::swap(kind_, o.kind_);
    Rational t = r_;  // the widest member carries every payload's bits, map pointers too
    r_ = o.r_;
    o.r_ = t;
}

MapView Value::asMap() const {
    if (kind_ != ValueKind::Map) return MapView(nullptr, 0);
    return MapView(m_->items(), m_->size);
}

Value Value::map(ControlMap m) {
    std::sort(m.begin(), m.end(), [](const auto& a, const auto& b) { return a.first.id() < b.first.id(); });
    return mapInPlace(m.size(), [&](MapView::Entry* out) {
        for (size_t i = 0; i < m.size(); ++i) new (out + i) MapView::Entry(std::move(m[i]));
        return m.size();
    });
}

Value Value::map(std::initializer_list<std::pair<Symbol, Value>> entries) {
    if (entries.size() > 16) return map(ControlMap(entries));
    // Sort pointers, not values: these lists are a handful of keys.
    const std::pair<Symbol, Value>* order[16];
    size_t n = 0;
    for (const auto& e : entries) {
        size_t at = n++;
        while (at > 0 && e.first.id() < order[at - 1]->first.id()) {
            order[at] = order[at - 1];
            --at;
        }
        order[at] = &e;
    }
    return mapInPlace(n, [&](MapView::Entry* out) {
        for (size_t i = 0; i < n; ++i) new (out + i) MapView::Entry(*order[i]);
        return n;
    });
}

double Value::asDouble() const {
    switch (kind_) {
        case ValueKind::Double:
        case ValueKind::Note: return f_;
        case ValueKind::Int: return double(i_);
        case ValueKind::Rational: return r_.toDouble();
        case ValueKind::Bool: return b_ ? 1 : 0;
        default: return 0;
    }
}

int64_t Value::asInt() const {
    switch (kind_) {
        case ValueKind::Double:
        case ValueKind::Note: {
            double f = std::floor(f_);
            if (!(f > -9.2e18 && f < 9.2e18)) return 0;
            return int64_t(f);
        }
        case ValueKind::Int: return i_;
        case ValueKind::Rational: return r_.floorInt();
        case ValueKind::Bool: return b_ ? 1 : 0;
        default: return 0;
    }
}

Rational Value::asRational() const {
    switch (kind_) {
        case ValueKind::Int: return Rational(i_);
        case ValueKind::Rational: return r_;
        case ValueKind::Double:
        case ValueKind::Note: return Rational::fromDouble(f_);
        default: return Rational(0);
    }
}

const Value* Value::find(Symbol key) const {
    if (kind_ != ValueKind::Map) return nullptr;
    for (const auto& [k, v] : asMap())
        if (k == key) return &v;
    return nullptr;
}

std::string jsonNumber(double x) {
    if (!std::isfinite(x)) return "null";
    if (x == 0) return "0";  // also folds -0
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, res.ptr);
}

namespace {

void jsonString(std::string& out, const std::string& s) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += char(c);
                }
        }
    }
    out += '"';
}

}  // namespace

std::string jsonQuote(const std::string& s) {
    std::string out;
    jsonString(out, s);
    return out;
}

std::string Value::json() const {
    std::string out;
    switch (kind_) {
        case ValueKind::Double:
        case ValueKind::Note: return jsonNumber(f_);
        case ValueKind::Int: return std::to_string(i_);
        case ValueKind::Rational: return jsonNumber(r_.toDouble());
        case ValueKind::Bool: return b_ ? "true" : "false";
        case ValueKind::String: jsonString(out, s_.str()); return out;
        case ValueKind::Map: {
            std::vector<std::pair<const std::string*, const Value*>> items;
            for (const auto& [k, v] : asMap()) items.emplace_back(&k.str(), &v);
            std::sort(items.begin(), items.end(), [](auto& a, auto& b) { return *a.first < *b.first; });
            out += '{';
            bool first = true;
            for (auto& [k, v] : items) {
                if (!first) out += ',';
                first = false;
                jsonString(out, *k);
                out += ':';
                out += v->json();
            }
            out += '}';
            return out;
        }
    }
    return out;
}

bool operator==(const Value& a, const Value& b) {
    if (a.kind_ != b.kind_) {
        if (a.isNumeric() && b.isNumeric()) return a.asDouble() == b.asDouble();
        return false;
    }
    switch (a.kind_) {
        case ValueKind::Double:
        case ValueKind::Note: return a.f_ == b.f_;
        case ValueKind::Int: return a.i_ == b.i_;
        case ValueKind::Rational: return a.r_ == b.r_;
        case ValueKind::String: return a.s_ == b.s_;
        case ValueKind::Bool: return a.b_ == b.b_;
        case ValueKind::Map: return std::equal(a.asMap().begin(), a.asMap().end(), b.asMap().begin(), b.asMap().end());
    }
    return false;
}

bool operator<(const Value& a, const Value& b) {
    if (a.kind_ == b.kind_) {
        switch (a.kind_) {
            case ValueKind::Double:
            case ValueKind::Note: return a.f_ < b.f_;
            case ValueKind::Int: return a.i_ < b.i_;
            case ValueKind::Rational: return a.r_ < b.r_;
            case ValueKind::String: return a.s_.str() < b.s_.str();
            case ValueKind::Bool: return a.b_ < b.b_;
            case ValueKind::Map: return false;
        }
    }
    if (a.isNumeric() && b.isNumeric()) return a.asDouble() < b.asDouble();
    return a.kind_ < b.kind_;
}

namespace {

double floatOp(NumOp op, double x, double y) {
    switch (op) {
        case NumOp::Add: return x + y;
        case NumOp::Sub: return x - y;
        case NumOp::Mul: return x * y;
        case NumOp::Div: return x / y;
        case NumOp::Mod: return y == 0 ? std::nan("") : x - y * std::floor(x / y);  // Haskell mod'
        case NumOp::Pow: return std::pow(x, y);
        case NumOp::Min: return std::min(x, y);
        case NumOp::Max: return std::max(x, y);
    }
    return x;
}

int64_t intOp(NumOp op, int64_t x, int64_t y) {
    switch (op) {
        case NumOp::Add: return int64_t(uint64_t(x) + uint64_t(y));
        case NumOp::Sub: return int64_t(uint64_t(x) - uint64_t(y));
        case NumOp::Mul: return int64_t(uint64_t(x) * uint64_t(y));
        case NumOp::Div:
            if (y == 0) throw std::domain_error("division by zero");
            return x / y - ((x % y != 0) && ((x < 0) != (y < 0)) ? 1 : 0);  // Haskell div
        case NumOp::Mod: {
            if (y == 0) throw std::domain_error("division by zero");
            int64_t m = x % y;
            return (m != 0 && ((m < 0) != (y < 0))) ? m + y : m;  // Haskell mod
        }
        case NumOp::Pow: {
            int64_t r = 1;
            for (int64_t i = 0; i < y && i < 64; ++i) r = int64_t(uint64_t(r) * uint64_t(x));
            return r;
        }
        case NumOp::Min: return std::min(x, y);
        case NumOp::Max: return std::max(x, y);
    }
    return x;
}

Rational rationalOp(NumOp op, const Rational& x, const Rational& y) {
    switch (op) {
        case NumOp::Add: return x + y;
        case NumOp::Sub: return x - y;
        case NumOp::Mul: return x * y;
        case NumOp::Div: return x / y;
        case NumOp::Mod: return x - y * (x / y).floor();
        case NumOp::Pow: return Rational::fromDouble(std::pow(x.toDouble(), y.toDouble()));
        case NumOp::Min: return min(x, y);
        case NumOp::Max: return max(x, y);
    }
    return x;
}

// Tidal's fNum2 on the values inside control maps.
Value mapValueOp(NumOp op, const Value& a, const Value& b) {
    auto k = a.kind(), l = b.kind();
    using K = ValueKind;
    if (k == K::Int && l == K::Int) return Value::integer(intOp(op, a.asInt(), b.asInt()));
    if (k == K::Double && l == K::Double) return Value::dbl(floatOp(op, a.asDouble(), b.asDouble()));
    if ((k == K::Note || k == K::Double) && (l == K::Note || l == K::Double))
        return Value::note(floatOp(op, a.asDouble(), b.asDouble()));
    if ((k == K::Int && l == K::Double) || (k == K::Double && l == K::Int))
        return Value::dbl(floatOp(op, a.asDouble(), b.asDouble()));
    return a;
}

// Tidal's `recip` on a map value (applyFIS recip id id).
Value recipMapValue(const Value& v) {
    if (v.kind() == ValueKind::Double) return Value::dbl(1.0 / v.asDouble());
    if (v.kind() == ValueKind::Note) return Value::note(1.0 / v.asDouble());
    return v;
}

template <typename F>
Value unionWith(const Value& left, const Value& right, F&& combine) {
    const MapView a = left.asMap();
    const MapView b = right.asMap();
    return Value::mapInPlace(a.size() + b.size(), [&](MapView::Entry* out) {
        size_t i = 0, j = 0, n = 0;
        // Entries are constructed one at a time, so a throwing combine leaves
        // exactly n constructed entries for the caller to destroy.
        auto put = [&](Symbol k, Value v) { new (out + n) MapView::Entry(k, std::move(v)); ++n; };
        try {
            while (i < a.size() || j < b.size()) {
                if (j == b.size() || (i < a.size() && a[i].first.id() < b[j].first.id())) {
                    put(a[i].first, a[i].second);
                    ++i;
                } else if (i == a.size() || b[j].first.id() < a[i].first.id()) {
                    put(b[j].first, b[j].second);
                    ++j;
                } else {
                    put(a[i].first, combine(a[i].second, b[j].second));
                    ++i;
                    ++j;
                }
            }
        } catch (...) {
            for (size_t k = 0; k < n; ++k) out[k].~pair();
            throw;
        }
        return n;
    });
}

}  // namespace

Value applyNum(NumOp op, const Value& a, const Value& b) {
    using K = ValueKind;
    if (a.kind() == K::Map && b.kind() == K::Map) {
        if (op == NumOp::Div)  // Tidal: x / y = x * recip y, and recip leaves ints alone
            return unionWith(a, b, [](const Value& x, const Value& y) { return mapValueOp(NumOp::Mul, x, recipMapValue(y)); });
        return unionWith(a, b, [op](const Value& x, const Value& y) { return mapValueOp(op, x, y); });
    }
    switch (a.kind()) {
        case K::Double: return Value::dbl(floatOp(op, a.asDouble(), b.asDouble()));
        case K::Note: return Value::note(floatOp(op, a.asDouble(), b.asDouble()));
        case K::Int: return Value::integer(intOp(op, a.asInt(), b.asInt()));
        case K::Rational: return Value::rational(rationalOp(op, a.asRational(), b.asRational()));
        case K::String:
            if (op == NumOp::Add && b.kind() == K::String) return Value::string(a.asSymbol().str() + b.asSymbol().str());
            return a;
        case K::Bool:
        case K::Map: return a;
    }
    return a;
}

Value insertKeys(const Value& map, std::initializer_list<std::pair<Symbol, Value>> entries) {
    if (map.kind() != ValueKind::Map) return Value::map(entries);
    return unionWith(map, Value::map(entries), [](const Value&, const Value& y) { return y; });
}

Value unionPreferRight(const Value& left, const Value& right) {
    if (left.kind() != ValueKind::Map || right.kind() != ValueKind::Map) return right;
    return unionWith(left, right, [](const Value&, const Value& y) { return y; });
}

Value unionPreferLeft(const Value& left, const Value& right) {
    if (left.kind() != ValueKind::Map || right.kind() != ValueKind::Map) return left;
    return unionWith(left, right, [](const Value& x, const Value&) { return x; });
}

}  // namespace seiche
