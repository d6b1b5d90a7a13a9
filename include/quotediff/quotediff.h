/*
 * quotediff.h - the whole public API of libquotediff.
 *
 *   lexicon.h   the word lists (built in, extendable)
 *   document.h  reading a document: text, paragraphs, sentences, metadata
 *   analysis.h  quotes, speakers and statements of one document
 *   report.h    JSON and text renderings of one document
 *   compare.h   many documents: events, threads, aligned statements, reports
 *   framing.h   how each outlet tells it: scare quotes, labels, verbs, voice, sources
 *   tasks.h     independent work handed to the caller's threads
 */
#ifndef QUOTEDIFF_H
#define QUOTEDIFF_H

#include "quotediff/common.h"
#include "quotediff/lexicon.h"
#include "quotediff/document.h"
#include "quotediff/analysis.h"
#include "quotediff/report.h"
#include "quotediff/compare.h"
#include "quotediff/framing.h"
#include "quotediff/tasks.h"

#endif
