;; RecordIO-protobuf kernels: the inner loops of the writers as WebAssembly, where a varint is one
;; store of a few bytes, eight keys are encoded by one SIMD swizzle and a record is copied 16 bytes
;; a store, instead of one JavaScript store per byte or word. Compiled by `npm run generate:wasm`
;; into generated/recordKernelsWasm.ts. The JavaScript (sparseKernel.ts, denseKernel.ts,
;; checkedKeyBytes.ts) copies each window of input rows into this memory, runs a kernel over it
;; and copies the records out; the bytes are those of the JavaScript writers (sparseFloatSource.ts
;; and denseSource.ts), which stay the fallback.
;;
;; Memory is laid out by the caller (KERNEL_LAYOUT in recordKernels.ts); the kernels only read
;; and write the addresses they are given, plus the constant templates at the bottom:
;;   [SHAPE, SHAPE + 16)       the record's `shape = [cols]` field, `shapeLen` bytes of it used
;;   [LABEL_HEAD, + 16)        the label field up to its value (16 bytes for a float label)
;;   [0x40, 0xa0)              denseKernel.wat's templates (that module shares this memory)
;;   [KEY_SHUFFLES, + 4096)    for each mask m of which of 8 keys take two bytes, the i8x16.swizzle
;;                             that packs their 16-bit encodings (one byte where m has a 0 bit)
(module
  (memory (export "memory") 24)

  (global $SHAPE i32 (i32.const 0))
  (global $LABEL_HEAD i32 (i32.const 16))
  (global $KEY_SHUFFLES i32 (i32.const 0x1000))

  ;; Where the last `sparse` call stopped writing, and the framed size of the record it stopped
  ;; at (0 when it wrote every row it was given).
  (global $end (export "end") (mut i32) (i32.const 0))
  (global $blocked (export "blocked") (mut i32) (i32.const 0))

  ;; Bytes of a varint of `v` (below 2^32).
  (func $size (param $v i32) (result i32)
    (i32.add
      (i32.add
        (i32.add (i32.const 1) (i32.gt_u (local.get $v) (i32.const 0x7f)))
        (i32.add (i32.gt_u (local.get $v) (i32.const 0x3fff))
                 (i32.gt_u (local.get $v) (i32.const 0x1fffff))))
      (i32.gt_u (local.get $v) (i32.const 0xfffffff))))

  ;; Writes the varint of `v` (below 2^32) at `p` as one 64-bit store, returns the end. The
  ;; store reaches up to 8 bytes past `p`; what follows overwrites the extra bytes.
  (func $varint (param $p i32) (param $v i32) (result i32)
    (local $x i64) (local $n i32)
    (local.set $x (i64.extend_i32_u (local.get $v)))
    (local.set $n (call $size (local.get $v)))
    (i64.store align=1 (local.get $p)
      (i64.or
        ;; Seven bits to a byte...
        (i64.or
          (i64.or
            (i64.and (local.get $x) (i64.const 0x7f))
            (i64.and (i64.shl (local.get $x) (i64.const 1)) (i64.const 0x7f00)))
          (i64.or
            (i64.or
              (i64.and (i64.shl (local.get $x) (i64.const 2)) (i64.const 0x7f0000))
              (i64.and (i64.shl (local.get $x) (i64.const 3)) (i64.const 0x7f000000)))
            (i64.and (i64.shl (local.get $x) (i64.const 4)) (i64.const 0x7f00000000))))
        ;; ...and the continuation bit on every byte but the last.
        (i64.shr_u (i64.const 0x80808080)
          (i64.extend_i32_u (i32.shl (i32.sub (i32.const 5) (local.get $n)) (i32.const 3))))))
    (i32.add (local.get $p) (local.get $n)))

  ;; Key bytes of the `n` column indices at `p`: one per key plus one per 7-bit boundary passed.
  (func $keyBytes (param $p i32) (param $n i32) (result i32)
    (local $acc v128) (local $x v128) (local $e i32) (local $k i32)
    (local.set $e (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $wide
        (br_if $done (i32.ge_u (local.get $p) (local.get $e)))
        (local.set $x (v128.load align=4 (local.get $p)))
        ;; A true comparison is -1 in every lane: subtracting the four counts them.
        (local.set $acc (i32x4.sub (local.get $acc)
          (i32x4.add
            (i32x4.add
              (i32x4.gt_u (local.get $x) (v128.const i32x4 0x7f 0x7f 0x7f 0x7f))
              (i32x4.gt_u (local.get $x) (v128.const i32x4 0x3fff 0x3fff 0x3fff 0x3fff)))
            (i32x4.add
              (i32x4.gt_u (local.get $x) (v128.const i32x4 0x1fffff 0x1fffff 0x1fffff 0x1fffff))
              (i32x4.gt_u (local.get $x) (v128.const i32x4 0xfffffff 0xfffffff 0xfffffff 0xfffffff))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $wide)))
    (local.set $k (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
      (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
    (local.set $k (i32.add (local.get $k) (local.get $n)))
    (local.set $e (i32.add (local.get $e) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $tail
      (loop $one
        (br_if $tail (i32.ge_u (local.get $p) (local.get $e)))
        (local.set $k (i32.add (local.get $k) (i32.sub (call $size (i32.load (local.get $p))) (i32.const 1))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $one)))
    (local.get $k))

  ;; Writes the `n` column indices at `p` as varints at `o`, returns the end; stores reach up to
  ;; 16 bytes past it. Sixteen keys below 2^14 (every key of a matrix of up to 16,384 columns)
  ;; are encoded eight at a time: narrowed to 16-bit lanes, each lane its two varint bytes, packed
  ;; by the swizzle its mask of two-byte keys selects. Other keys go one at a time.
  (func $keys (param $o i32) (param $p i32) (param $n i32) (result i32)
    (local $e i32) (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $h v128) (local $two v128) (local $m i32)
    (local.set $e (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $sixteen
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 64)) (local.get $e)))
        (local.set $a (v128.load align=4 (local.get $p)))
        (local.set $b (v128.load offset=16 align=4 (local.get $p)))
        (local.set $c (v128.load offset=32 align=4 (local.get $p)))
        (local.set $d (v128.load offset=48 align=4 (local.get $p)))
        ;; The keys are indices checked non-negative: below 2^14 when no higher bit is set.
        (if (v128.any_true (v128.and
              (v128.or (v128.or (local.get $a) (local.get $b)) (v128.or (local.get $c) (local.get $d)))
              (v128.const i32x4 -16384 -16384 -16384 -16384)))
          (then
            ;; A wide key among them: these sixteen one at a time.
            (local.set $o (call $keysOneByOne (local.get $o) (local.get $p) (i32.const 16)))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
            (br $sixteen)))
        (local.set $h (i16x8.narrow_i32x4_u (local.get $a) (local.get $b)))
        (local.set $two (i16x8.gt_s (local.get $h) (v128.const i16x8 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f)))
        (local.set $m (i16x8.bitmask (local.get $two)))
        ;; c + (c & ~0x7f) moves the high seven bits up a byte; then the continuation bit.
        (local.set $h (v128.or
          (i16x8.add (local.get $h)
            (v128.and (local.get $h) (v128.const i16x8 -128 -128 -128 -128 -128 -128 -128 -128)))
          (v128.and (local.get $two) (v128.const i16x8 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80))))
        (v128.store align=1 (local.get $o)
          (i8x16.swizzle (local.get $h)
            (v128.load (i32.add (global.get $KEY_SHUFFLES) (i32.shl (local.get $m) (i32.const 4))))))
        (local.set $o (i32.add (local.get $o) (i32.add (i32.const 8) (i32.popcnt (local.get $m)))))
        (local.set $h (i16x8.narrow_i32x4_u (local.get $c) (local.get $d)))
        (local.set $two (i16x8.gt_s (local.get $h) (v128.const i16x8 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f 0x7f)))
        (local.set $m (i16x8.bitmask (local.get $two)))
        ;; c + (c & ~0x7f) moves the high seven bits up a byte; then the continuation bit.
        (local.set $h (v128.or
          (i16x8.add (local.get $h)
            (v128.and (local.get $h) (v128.const i16x8 -128 -128 -128 -128 -128 -128 -128 -128)))
          (v128.and (local.get $two) (v128.const i16x8 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80))))
        (v128.store align=1 (local.get $o)
          (i8x16.swizzle (local.get $h)
            (v128.load (i32.add (global.get $KEY_SHUFFLES) (i32.shl (local.get $m) (i32.const 4))))))
        (local.set $o (i32.add (local.get $o) (i32.add (i32.const 8) (i32.popcnt (local.get $m)))))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $sixteen)))
    (call $keysOneByOne (local.get $o) (local.get $p)
      (i32.shr_u (i32.sub (local.get $e) (local.get $p)) (i32.const 2))))

  ;; $keys one key at a time: one store for the one- and two-byte keys, $varint for the others.
  (func $keysOneByOne (param $o i32) (param $p i32) (param $n i32) (result i32)
    (local $e i32) (local $c i32)
    (local.set $e (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $p) (local.get $e)))
        (local.set $c (i32.load (local.get $p)))
        (if (i32.lt_u (local.get $c) (i32.const 0x4000))
          (then
            (i32.store16 align=1 (local.get $o)
              (i32.or
                (i32.or (i32.and (local.get $c) (i32.const 0x7f))
                  (i32.shl (i32.gt_u (local.get $c) (i32.const 0x7f)) (i32.const 7)))
                (i32.shl (i32.shr_u (local.get $c) (i32.const 7)) (i32.const 8))))
            (local.set $o (i32.add (i32.add (local.get $o) (i32.const 1))
              (i32.gt_u (local.get $c) (i32.const 0x7f)))))
          (else (local.set $o (call $varint (local.get $o) (local.get $c)))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $one)))
    (local.get $o))

  ;; Writes the varint of `v` at `p` byte by byte (no store past its end), returns the end.
  (func $varintExact (param $p i32) (param $v i32) (result i32)
    (block $done
      (loop $more
        (br_if $done (i32.lt_u (local.get $v) (i32.const 0x80)))
        (i32.store8 (local.get $p) (i32.or (i32.and (local.get $v) (i32.const 0x7f)) (i32.const 0x80)))
        (local.set $v (i32.shr_u (local.get $v) (i32.const 7)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $more)))
    (i32.store8 (local.get $p) (local.get $v))
    (i32.add (local.get $p) (i32.const 1)))

  ;; Copies `n` bytes (a multiple of 4) from `s` to `d`, storing nothing past `d + n`: 16 bytes a
  ;; step, then the tail in 8 and 4. (memory.copy costs a call into the engine, more than a row's
  ;; few hundred bytes take.)
  (func $copy (param $d i32) (param $s i32) (param $n i32)
    (local $e i32)
    (local.set $e (i32.add (local.get $s) (i32.and (local.get $n) (i32.const -16))))
    (block $done
      (loop $wide
        (br_if $done (i32.ge_u (local.get $s) (local.get $e)))
        (v128.store align=1 (local.get $d) (v128.load align=1 (local.get $s)))
        (local.set $s (i32.add (local.get $s) (i32.const 16)))
        (local.set $d (i32.add (local.get $d) (i32.const 16)))
        (br $wide)))
    (if (i32.and (local.get $n) (i32.const 8))
      (then
        (i64.store align=1 (local.get $d) (i64.load align=1 (local.get $s)))
        (local.set $s (i32.add (local.get $s) (i32.const 8)))
        (local.set $d (i32.add (local.get $d) (i32.const 8)))))
    (if (i32.and (local.get $n) (i32.const 4))
      (then (i32.store align=1 (local.get $d) (i32.load align=1 (local.get $s))))))

  ;; Checks the rows' column indices and counts their key bytes, reading a window as `sparse`:
  ;; stores row r's key bytes at `counts + 4r`, and returns 1 when every index lies in
  ;; [0, last], else 0 (an index out of range sets the sign bit of `c` or of `last - c`). One
  ;; read of the indices serves the writers' check and the one-buffer writer's measuring.
  (func (export "checkRows")
    (param $rows i32) (param $ptrs i32) (param $base i32) (param $keys i32) (param $last i32)
    (param $counts i32) (result i32)
    (local $r i32) (local $p i32) (local $e i32) (local $n i32) (local $k i32) (local $c i32)
    (local $a v128) (local $b v128) (local $x v128) (local $d v128) (local $all v128)
    (local $acc v128) (local $bad v128) (local $lim v128) (local $tailBad i32)
    (local.set $lim (i32x4.splat (local.get $last)))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $p (i32.add (local.get $keys)
          (i32.shl (i32.sub (i32.load (local.get $ptrs)) (local.get $base)) (i32.const 2))))
        (local.set $n (i32.sub (i32.load offset=4 (local.get $ptrs)) (i32.load (local.get $ptrs))))
        (local.set $e (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2))))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $all (v128.const i32x4 0 0 0 0))
        ;; Sixteen at a time: the range check, and the count of keys above 127 (a true signed
        ;; comparison is -1, so subtracting counts); a key of 2^14 or more shows in `all`.
        (block $wideDone
          (loop $wide
            (br_if $wideDone (i32.ge_u (local.get $p) (local.get $e)))
            (local.set $a (v128.load align=4 (local.get $p)))
            (local.set $b (v128.load offset=16 align=4 (local.get $p)))
            (local.set $x (v128.load offset=32 align=4 (local.get $p)))
            (local.set $d (v128.load offset=48 align=4 (local.get $p)))
            (local.set $all (v128.or (local.get $all)
              (v128.or (v128.or (local.get $a) (local.get $b)) (v128.or (local.get $x) (local.get $d)))))
            (local.set $bad (v128.or (local.get $bad)
              (v128.or
                (v128.or (i32x4.sub (local.get $lim) (local.get $a)) (i32x4.sub (local.get $lim) (local.get $b)))
                (v128.or (i32x4.sub (local.get $lim) (local.get $x)) (i32x4.sub (local.get $lim) (local.get $d))))))
            (local.set $acc (i32x4.sub (local.get $acc)
              (i32x4.add
                (i32x4.add
                  (i32x4.gt_s (local.get $a) (v128.const i32x4 0x7f 0x7f 0x7f 0x7f))
                  (i32x4.gt_s (local.get $b) (v128.const i32x4 0x7f 0x7f 0x7f 0x7f)))
                (i32x4.add
                  (i32x4.gt_s (local.get $x) (v128.const i32x4 0x7f 0x7f 0x7f 0x7f))
                  (i32x4.gt_s (local.get $d) (v128.const i32x4 0x7f 0x7f 0x7f 0x7f))))))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
            (br $wide)))
        (local.set $bad (v128.or (local.get $bad) (local.get $all)))
        (local.set $k (i32.add (i32.add
          (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
          (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc))))
          (local.get $n)))
        (if (v128.any_true (v128.and (local.get $all) (v128.const i32x4 -16384 -16384 -16384 -16384)))
          (then
            ;; Wide keys: this row's sixteens counted again, with every varint boundary.
            (local.set $k (i32.add
              (i32.sub (local.get $n) (i32.and (local.get $n) (i32.const -16)))
              (call $keyBytes
                (i32.sub (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -16)) (i32.const 2)))
                (i32.and (local.get $n) (i32.const -16)))))))
        (local.set $e (i32.add (local.get $e) (i32.shl (i32.and (local.get $n) (i32.const 15)) (i32.const 2))))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.ge_u (local.get $p) (local.get $e)))
            (local.set $c (i32.load (local.get $p)))
            (local.set $tailBad (i32.or (local.get $tailBad)
              (i32.or (local.get $c) (i32.sub (local.get $last) (local.get $c)))))
            (local.set $k (i32.add (local.get $k) (i32.sub (call $size (local.get $c)) (i32.const 1))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $tail)))
        (i32.store (local.get $counts) (local.get $k))
        (local.set $counts (i32.add (local.get $counts) (i32.const 4)))
        (local.set $ptrs (i32.add (local.get $ptrs) (i32.const 4)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
    (i32.and
      (i32.eqz (i32x4.bitmask (local.get $bad)))
      (i32.ge_s (local.get $tailBad) (i32.const 0))))

  ;; Writes the records of rows [0, rows) of a window at `out` while they fit before `limit`, and
  ;; returns how many it wrote (`end` says where they end, `blocked` the size of the one that did
  ;; not fit). Row r's values are `(ptrs[r + 1] - ptrs[r]) * width` bytes at
  ;; `vals + (ptrs[r] - base) * width`, its column indices int32 at `keys + (ptrs[r] - base) * 4`,
  ;; its label `labelWidth` bytes at `labs + r * labelWidth` (no label when 0). A record's keys
  ;; are written first, where they go if each takes `keyGuess` bytes, and moved in the rare row
  ;; where their real count changes a length's varint size: so each key is read once. The stores
  ;; reach up to one record (plus 16 bytes) past `limit`.
  (func (export "sparse")
    (param $rows i32) (param $ptrs i32) (param $base i32) (param $keys i32) (param $vals i32)
    (param $width i32) (param $valueTag i32) (param $shapeLen i32) (param $keyGuess i32)
    (param $labs i32) (param $labelWidth i32) (param $out i32) (param $limit i32) (result i32)
    (local $r i32) (local $from i32) (local $n i32) (local $payload i32) (local $k i32)
    (local $label i32) (local $len i32) (local $framed i32) (local $tensor i32) (local $value i32)
    (local $o i32) (local $kp i32) (local $guessed i32) (local $at i32) (local $pp i32)
    (local $entry i32) (local $written i32)
    (local.set $label (select (i32.add (i32.const 16) (local.get $labelWidth)) (i32.const 0)
      (local.get $labelWidth)))
    (global.set $blocked (i32.const 0))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $from (i32.sub (i32.load (local.get $ptrs)) (local.get $base)))
        (local.set $n (i32.sub (i32.load offset=4 (local.get $ptrs)) (i32.load (local.get $ptrs))))
        (local.set $payload (i32.mul (local.get $n) (local.get $width)))
        (local.set $kp (i32.add (local.get $keys) (i32.shl (local.get $from) (i32.const 2))))
        ;; The lengths the keys' place depends on, first for `keyGuess` bytes a key, then for
        ;; the real count (sizes inlined: a call costs more than the four comparisons).
        (local.set $pp (select
          (i32.add (i32.add (i32.const 1) (call $size (local.get $payload))) (local.get $payload))
          (i32.const 0) (local.get $payload)))
        (local.set $k (i32.mul (local.get $n) (local.get $keyGuess)))
        (loop $lengths
          (local.set $tensor (i32.add (i32.add (local.get $pp) (local.get $shapeLen))
            (select (i32.add (i32.add (i32.const 1) (i32.add (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $k) (i32.const 0x7f))) (i32.gt_u (local.get $k) (i32.const 0x3fff)))
            (i32.add (i32.gt_u (local.get $k) (i32.const 0x1fffff)) (i32.gt_u (local.get $k) (i32.const 0xfffffff))))) (local.get $k))
              (i32.const 0) (local.get $k))))
          (local.set $value (i32.add (i32.add (i32.const 1) (i32.add (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $tensor) (i32.const 0x7f))) (i32.gt_u (local.get $tensor) (i32.const 0x3fff)))
            (i32.add (i32.gt_u (local.get $tensor) (i32.const 0x1fffff)) (i32.gt_u (local.get $tensor) (i32.const 0xfffffff)))))
            (local.get $tensor)))
          (local.set $entry (i32.add (i32.add (i32.const 9) (i32.add (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $value) (i32.const 0x7f))) (i32.gt_u (local.get $value) (i32.const 0x3fff)))
            (i32.add (i32.gt_u (local.get $value) (i32.const 0x1fffff)) (i32.gt_u (local.get $value) (i32.const 0xfffffff)))))
            (local.get $value)))
          ;; frame, features tag and entry length, key and value tag, value length, tensor tag
          ;; and length, values, keys tag and length
          (local.set $at (i32.add (local.get $out) (i32.add
            (i32.add
              (i32.add (i32.const 18) (i32.add (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $entry) (i32.const 0x7f))) (i32.gt_u (local.get $entry) (i32.const 0x3fff)))
            (i32.add (i32.gt_u (local.get $entry) (i32.const 0x1fffff)) (i32.gt_u (local.get $entry) (i32.const 0xfffffff)))))
              (i32.add (i32.add (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $value) (i32.const 0x7f))) (i32.gt_u (local.get $value) (i32.const 0x3fff)))
            (i32.add (i32.gt_u (local.get $value) (i32.const 0x1fffff)) (i32.gt_u (local.get $value) (i32.const 0xfffffff))))
                (i32.add (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $tensor) (i32.const 0x7f))) (i32.gt_u (local.get $tensor) (i32.const 0x3fff)))
            (i32.add (i32.gt_u (local.get $tensor) (i32.const 0x1fffff)) (i32.gt_u (local.get $tensor) (i32.const 0xfffffff))))))
            (i32.add (i32.add (i32.const 2) (local.get $pp))
              (i32.add (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $k) (i32.const 0x7f))) (i32.gt_u (local.get $k) (i32.const 0x3fff)))
            (i32.add (i32.gt_u (local.get $k) (i32.const 0x1fffff)) (i32.gt_u (local.get $k) (i32.const 0xfffffff))))))))
          (if (i32.eqz (local.get $written))
            (then
              (local.set $written (i32.const 1))
              (local.set $guessed (local.get $at))
              (if (local.get $n)
                (then
                  (local.set $k (i32.sub (call $keys (local.get $guessed) (local.get $kp) (local.get $n))
                    (local.get $guessed)))
                  (br $lengths)))
              (local.set $k (i32.const 0))
              (br $lengths))))
        (local.set $written (i32.const 0))
        (if (i32.ne (local.get $at) (local.get $guessed))
          (then (memory.copy (local.get $at) (local.get $guessed) (local.get $k))))
        (local.set $len (i32.add (i32.add (i32.add (i32.const 1) (i32.add (i32.add (i32.add (i32.const 1) (i32.gt_u (local.get $entry) (i32.const 0x7f))) (i32.gt_u (local.get $entry) (i32.const 0x3fff)))
            (i32.add (i32.gt_u (local.get $entry) (i32.const 0x1fffff)) (i32.gt_u (local.get $entry) (i32.const 0xfffffff)))))
          (local.get $entry)) (local.get $label)))
        (local.set $framed (i32.add (i32.const 8) (i32.and (i32.add (local.get $len) (i32.const 3))
          (i32.const -4))))
        (if (i32.gt_u (i32.add (local.get $out) (local.get $framed)) (local.get $limit))
          (then
            (global.set $blocked (local.get $framed))
            (br $done)))
        ;; Frame: magic, length.
        (i32.store align=1 (local.get $out) (i32.const 0xced7230a))
        (i32.store offset=4 align=1 (local.get $out) (local.get $len))
        ;; features { key: "values", value: Value { tensor { values, keys, shape } } }
        (i32.store8 offset=8 (local.get $out) (i32.const 0x0a))
        (local.set $o (call $varint (i32.add (local.get $out) (i32.const 9)) (local.get $entry)))
        ;; 0x0a 0x06 "values" 0x12: the map entry's key, then its value's tag.
        (i64.store align=1 (local.get $o) (i64.const 0x7365756c6176060a))
        (i32.store8 offset=8 (local.get $o) (i32.const 0x12))
        (local.set $o (call $varint (i32.add (local.get $o) (i32.const 9)) (local.get $value)))
        (i32.store8 (local.get $o) (local.get $valueTag))
        (local.set $o (call $varint (i32.add (local.get $o) (i32.const 1)) (local.get $tensor)))
        (if (local.get $payload)
          (then
            (i32.store8 (local.get $o) (i32.const 0x0a))
            ;; Exact: with one value, a 64-bit store here would reach the keys.
            (local.set $o (call $varintExact (i32.add (local.get $o) (i32.const 1)) (local.get $payload)))
            (call $copy (local.get $o)
              (i32.add (local.get $vals) (i32.mul (local.get $from) (local.get $width)))
              (local.get $payload))
            (local.set $o (i32.add (local.get $o) (local.get $payload)))
            ;; The keys are in place already: their header may not store past its end.
            (i32.store8 (local.get $o) (i32.const 0x12))
            (local.set $o (i32.add (call $varintExact (i32.add (local.get $o) (i32.const 1)) (local.get $k))
              (local.get $k)))))
        ;; shape, from its template (16 bytes stored, `shapeLen` kept).
        (v128.store align=1 (local.get $o) (v128.load (global.get $SHAPE)))
        (local.set $o (i32.add (local.get $o) (local.get $shapeLen)))
        (if (local.get $labelWidth)
          (then
            (v128.store align=1 (local.get $o) (v128.load (global.get $LABEL_HEAD)))
            (i64.store offset=16 align=1 (local.get $o)
              (i64.load align=4 (i32.add (local.get $labs) (i32.mul (local.get $r) (local.get $labelWidth)))))
            (local.set $o (i32.add (local.get $o) (local.get $label)))))
        ;; Padding: zeros up to the frame's end.
        (i32.store align=1 (local.get $o) (i32.const 0))
        (local.set $out (i32.add (local.get $out) (local.get $framed)))
        (local.set $ptrs (i32.add (local.get $ptrs) (i32.const 4)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $row)))
    (global.set $end (local.get $out))
    (local.get $r))
)
