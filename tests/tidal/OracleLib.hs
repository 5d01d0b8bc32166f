{-# LANGUAGE FlexibleInstances #-}
-- | Rendering helpers for the Tidal differential oracle.
--
-- Prints events in the `seiche-cli query` contract format:
--   WHOLE_BEGIN WHOLE_END PART_BEGIN PART_END JSON
-- Times are exact rationals (`n` or `n/d`); a wholeless (continuous) event
-- prints `- -` as its whole.  JSON is one line, keys sorted.
--
-- This module is compiled together with modules generated from corpus.txt
-- by gen_oracle.py; it is not used by anything else.
module OracleLib
  ( Render(..)
  , Entry(..)
  , entry
  , renderEvents
  , showTime
  , jsonNum
  , jsonStr
  , runEntries
  ) where

import Prelude hiding ((<*), (*>))
import Control.DeepSeq (force)
import Control.Exception (SomeException, evaluate, try, displayException)
import Data.List (sortOn, intercalate)
import qualified Data.Map.Strict as Map
import Data.Ratio (numerator, denominator)
import Numeric (floatToDigits)
import System.Environment (getArgs)
import System.IO (hSetEncoding, stdout, utf8, hFlush, hSetBuffering, BufferMode(..))
import System.Timeout (timeout)

import Sound.Tidal.Context

-- | One corpus entry: its id (assigned by the generator), the query range,
-- and a function rendering its events (Bool = onsets only).
data Entry = Entry
  { entryId   :: Int
  , entryFrom :: Rational
  , entryTo   :: Rational
  , entryRun  :: Bool -> [String]
  }

entry :: Render a => Int -> Rational -> Rational -> Pattern a -> Entry
entry i a b p = Entry i a b (\onsets -> renderEvents onsets a b p)

-- | How a pattern's value becomes the JSON column.
class Render a where
  renderVal :: a -> String

instance Render (Map.Map String Value) where
  renderVal m = "{" ++ intercalate "," [jsonStr k ++ ":" ++ valueJson v | (k, v) <- Map.toAscList m] ++ "}"

wrapValue :: String -> String
wrapValue x = "{\"value\":" ++ x ++ "}"

instance Render Double   where renderVal = wrapValue . jsonNum
instance Render Note     where renderVal = wrapValue . jsonNum . unNote
instance Render Int      where renderVal = wrapValue . show
instance Render Integer  where renderVal = wrapValue . show
instance Render Rational where renderVal = wrapValue . jsonNum . fromRational
instance Render Bool     where renderVal b = wrapValue (if b then "true" else "false")
instance Render String   where renderVal = wrapValue . jsonStr
instance Render Char     where renderVal c = wrapValue (jsonStr [c])

valueJson :: Value -> String
valueJson (VS x) = jsonStr x
valueJson (VF x) = jsonNum x
valueJson (VN x) = jsonNum (unNote x)
valueJson (VR x) = jsonNum (fromRational x)
valueJson (VI x) = show x
valueJson (VB x) = if x then "true" else "false"
valueJson (VX _) = jsonStr "<blob>"
valueJson (VPattern _) = jsonStr "<pattern>"
valueJson (VList xs) = "[" ++ intercalate "," (map valueJson xs) ++ "]"
valueJson (VState _) = jsonStr "<state>"

-- | Exact rational time, `n` or `n/d`, lowest terms (Rational is normalised).
showTime :: Rational -> String
showTime r
  | denominator r == 1 = show (numerator r)
  | otherwise = show (numerator r) ++ "/" ++ show (denominator r)

-- | Shortest round-trip decimal, formatted like JavaScript's Number#toString
-- (so integral doubles print without ".0").  NaN/Infinity are not JSON; they
-- print as NaN / Infinity / -Infinity (Python's json module accepts these).
jsonNum :: Double -> String
jsonNum x
  | isNaN x = "NaN"
  | isInfinite x = if x > 0 then "Infinity" else "-Infinity"
  | x == 0 = "0"
  | x < 0 = '-' : jsonNum (negate x)
  | otherwise =
      let (ds0, e) = floatToDigits 10 x
          ds = map (toEnum . (+ fromEnum '0')) ds0 :: String
          k = length ds
      in if k <= e && e <= 21 then ds ++ replicate (e - k) '0'
         else if 0 < e && e <= 21 then take e ds ++ "." ++ drop e ds
         else if -6 < e && e <= 0 then "0." ++ replicate (negate e) '0' ++ ds
         else let m = case ds of
                        [d] -> [d]
                        (d:rest) -> d : '.' : rest
                        [] -> "0"
                  ex = e - 1
              in m ++ "e" ++ (if ex >= 0 then "+" else "-") ++ show (abs ex)

jsonStr :: String -> String
jsonStr s = "\"" ++ concatMap esc s ++ "\""
  where esc '"' = "\\\""
        esc '\\' = "\\\\"
        esc '\n' = "\\n"
        esc '\t' = "\\t"
        esc '\r' = "\\r"
        esc c | c < ' ' = "\\u" ++ pad4 (showHex4 (fromEnum c))
              | otherwise = [c]
        pad4 h = replicate (4 - length h) '0' ++ h
        showHex4 n = let go 0 acc = if null acc then "0" else acc
                         go m acc = go (m `div` 16) ("0123456789abcdef" !! (m `mod` 16) : acc)
                     in go n ""

-- | Query [a, b) in one go (as Tidal's queryArc does), optionally keep only
-- onsets, render and sort per the contract: part begin, whole begin,
-- whole end, then JSON text.  A missing whole sorts before any whole.
renderEvents :: Render a => Bool -> Rational -> Rational -> Pattern a -> [String]
renderEvents onsets a b p = map snd $ sortOn fst $ map fmt $ filter keep $ queryArc p (Arc a b)
  where
    keep ev
      | onsets = case whole ev of
                   Just w -> start w == start (part ev)
                   Nothing -> False
      | otherwise = True
    fmt ev =
      let j = renderVal (value ev)
          pa = part ev
          (wb, we, wkey) = case whole ev of
            Just w -> (showTime (start w), showTime (stop w), Just (start w, stop w))
            Nothing -> ("-", "-", Nothing)
          line = unwords [wb, we, showTime (start pa), showTime (stop pa), j]
      in ((start pa, wkey, j), line)

-- | Main for the generated oracle program.
--   oracle [--onsets] [--timeout SECONDS]
-- For each entry prints `=== ID`, then its event lines, or one line
-- `!!! ERROR message` if evaluating it threw or timed out.
runEntries :: [Entry] -> IO ()
runEntries es = do
  hSetEncoding stdout utf8
  hSetBuffering stdout (BlockBuffering Nothing)
  args <- getArgs
  let onsets = "--onsets" `elem` args
      secs = case dropWhile (/= "--timeout") args of
               (_ : v : _) -> read v
               _ -> 20 :: Int
  mapM_ (runOne onsets secs) es
  hFlush stdout
  where
    runOne onsets secs e = do
      putStrLn ("=== " ++ show (entryId e))
      r <- try (timeout (secs * 1000000) (evaluate (force (entryRun e onsets))))
      case r of
        Left ex -> putStrLn ("!!! ERROR " ++ oneLine (displayException (ex :: SomeException)))
        Right Nothing -> putStrLn ("!!! ERROR timeout after " ++ show secs ++ "s")
        Right (Just ls) -> mapM_ putStrLn ls
    oneLine = unwords . lines
