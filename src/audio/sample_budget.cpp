#include "audio/sample_budget.hpp"

#include <utility>

namespace seiche::audio {

BudgetReservation::BudgetReservation(BudgetReservation&& other) noexcept
    : budget_(std::exchange(other.budget_, nullptr)), bytes_(std::exchange(other.bytes_, 0)) {}

BudgetReservation& BudgetReservation::operator=(BudgetReservation&& other) noexcept {
    if (this != &other) {
        release();
        budget_ = std::exchange(other.budget_, nullptr);
        bytes_ = std::exchange(other.bytes_, 0);
    }
    return *this;
}

BudgetReservation::~BudgetReservation() { release(); }

bool BudgetReservation::resize(std::size_t bytes) {
    if (budget_ == nullptr) return bytes == 0;
    if (bytes > bytes_) {
        if (!budget_->tryTake(bytes - bytes_)) return false;
    } else {
        budget_->give(bytes_ - bytes);
    }
    bytes_ = bytes;
    return true;
}

void BudgetReservation::commit() {
    if (budget_ != nullptr) budget_->commit(bytes_);
    budget_ = nullptr;
    bytes_ = 0;
}

void BudgetReservation::release() {
    if (budget_ != nullptr) budget_->give(bytes_);
    budget_ = nullptr;
    bytes_ = 0;
}

std::optional<BudgetReservation> MemoryBudget::reserve(std::size_t bytes) {
    if (!tryTake(bytes)) return std::nullopt;
    return BudgetReservation(this, bytes);
}

std::size_t MemoryBudget::available() const {
    const std::size_t taken = used() + reserved();
    return taken >= limit_ ? 0 : limit_ - taken;
}

bool MemoryBudget::tryTake(std::size_t bytes) {
    std::size_t reserved = reserved_.load(std::memory_order_acquire);
    while (true) {
        const std::size_t taken = used_.load(std::memory_order_acquire) + reserved;
        if (taken > limit_ || bytes > limit_ - taken) return false;
        if (reserved_.compare_exchange_weak(reserved, reserved + bytes, std::memory_order_acq_rel)) return true;
    }
}

void MemoryBudget::give(std::size_t bytes) { reserved_.fetch_sub(bytes, std::memory_order_acq_rel); }

void MemoryBudget::commit(std::size_t bytes) {
    // Count as used before un-reserving, so a concurrent reserve() never sees room that isn't there.
    used_.fetch_add(bytes, std::memory_order_acq_rel);
    reserved_.fetch_sub(bytes, std::memory_order_acq_rel);
}

}  // namespace seiche::audio
