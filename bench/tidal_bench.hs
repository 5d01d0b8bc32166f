{-# LANGUAGE OverloadedStrings, ExtendedDefaultRules #-}
{-# OPTIONS_GHC -Wno-type-defaults #-}
-- | Tidal 1.7.10 reference benchmark: query each pattern one cycle at a time
-- (as a scheduler does), force every event, report throughput.
--
--   tidal_bench [CYCLES]        (default 2000)
--
-- Output, one line per pattern:
--   NAME events=E seconds=S events_per_sec=R
-- The pattern list must match bench/patterns.txt (run_tidal_bench.sh checks).
module Main (main) where

import Prelude hiding ((<*), (*>))
import Control.DeepSeq (force)
import Control.Exception (evaluate)
import Control.Monad (foldM, forM_)
import GHC.Clock (getMonotonicTime)
import System.Environment (getArgs)
import Text.Printf (printf)

import Sound.Tidal.Context

patterns :: [(String, ControlPattern)]
patterns =
  [ ("dense_arith", n ("0 .. 7" + "<0 3 5>") # s "[bd*4, hh*8?, ~ sn]" # speed (range 1 2 sine))
  , ("every_jux_chop", every 3 (fast 2) $ jux rev $ chop 4 $ s "bd*8 sn*4")
  , ("stut_euclid", stut 4 0.5 0.125 $ s "bd(5,8) [~ sn]*2")
  , ("nested_mini", s "[bd [sn [hh [cp hh]]]]*4 <bd sn>(3,8,<0 2>) {bd sn, hh hh hh}%8" # n "<0 .. 7>")
  , ("random_heavy", sometimesBy 0.3 (# speed 2) $ degradeBy 0.2 $ s "hh*16?" # pan rand # n (irand 8))
  , ("arp_off", off 0.125 (|+ n 12) $ n (arp "<up diverge>" "<c'maj e'min7 a'min f'dom7>") # s "superpiano" # legato 0.5)
  , ("chunk_iter", chunk 4 (hurry 2) $ iter 4 $ n "0 .. 15" # s "arpy" # pan sine)
  , ("striate_loop", loopAt 2 $ striate 8 $ s "break*2" # speed "<1 2>")
  , ("stack_mix", stack [ply 2 $ s "bd*4", fast 2 $ s "hh*8" # gain (range 0.8 1 rand), whenmod 4 2 rev $ s "~ sn ~ sn"])
  , ("scale_poly", n (scale "<major minor>" "{0 2 4 6, 1 3 5}%8" + "<0 3>") # s "superpiano" # pan perlin)
  ]

-- | Query cycle c, force all events completely, return how many there were.
queryCycle :: ControlPattern -> Int -> IO Int
queryCycle p c = do
  let t = fromIntegral c
  evs <- evaluate (force (queryArc p (Arc t (t + 1))))
  return (length evs)

main :: IO ()
main = do
  args <- getArgs
  let cycles = case args of
                 (x : _) -> read x
                 _ -> 2000 :: Int
  forM_ patterns $ \(name, p) -> do
    _ <- queryCycle p 0 -- warm up (parse the mini-notation strings once)
    t0 <- getMonotonicTime
    total <- foldM (\acc c -> (acc +) <$> queryCycle p c) 0 [0 .. cycles - 1]
    t1 <- getMonotonicTime
    let secs = t1 - t0
    printf "%s events=%d seconds=%.6f events_per_sec=%.0f\n" name total secs
      (fromIntegral total / max 1e-9 secs :: Double)
