/** `npm run eval`. STUB: replaced by the evaluation work. */
console.log('evaluation: not built yet');
