#pragma once
// The bank's memory bound. Decoding reserves bytes before it allocates, so several
// loads running at once can never together overshoot the budget; a reservation is
// returned when a load fails and becomes permanent when its sample is published
// (published samples are never freed while the bank lives).
#include <atomic>
#include <cstddef>
#include <optional>

namespace seiche::audio {

class MemoryBudget;

// Bytes held for one sample being decoded. Move-only; gives its bytes back on
// destruction unless commit() made them part of the bank for good.
class BudgetReservation {
public:
    BudgetReservation() = default;
    BudgetReservation(BudgetReservation&& other) noexcept;
    BudgetReservation& operator=(BudgetReservation&& other) noexcept;
    BudgetReservation(const BudgetReservation&) = delete;
    BudgetReservation& operator=(const BudgetReservation&) = delete;
    ~BudgetReservation();

    std::size_t bytes() const { return bytes_; }
    // The budget it draws on; null for an empty or committed reservation.
    const MemoryBudget* budget() const { return budget_; }
    // Grows or shrinks the reservation; growing fails (and changes nothing) past the budget.
    bool resize(std::size_t bytes);
    // Moves the bytes from "reserved" to "used"; the reservation is empty afterwards.
    void commit();

private:
    friend class MemoryBudget;
    BudgetReservation(MemoryBudget* budget, std::size_t bytes) : budget_(budget), bytes_(bytes) {}
    void release();

    MemoryBudget* budget_ = nullptr;
    std::size_t bytes_ = 0;
};

class MemoryBudget {
public:
    explicit MemoryBudget(std::size_t limitBytes) : limit_(limitBytes) {}
    MemoryBudget(const MemoryBudget&) = delete;
    MemoryBudget& operator=(const MemoryBudget&) = delete;

    // Empty when the bytes would take used + reserved past the limit.
    std::optional<BudgetReservation> reserve(std::size_t bytes);
    std::size_t limit() const { return limit_; }
    std::size_t used() const { return used_.load(std::memory_order_acquire); }          // published
    std::size_t reserved() const { return reserved_.load(std::memory_order_acquire); }  // being decoded
    std::size_t available() const;

private:
    friend class BudgetReservation;
    bool tryTake(std::size_t bytes);
    void give(std::size_t bytes);
    void commit(std::size_t bytes);

    const std::size_t limit_;
    std::atomic<std::size_t> used_{0};
    std::atomic<std::size_t> reserved_{0};
};

}  // namespace seiche::audio
