// A CommonJS module with a callback-style handler: answers a branded message for each trigger source.
exports.handler = function (event, context, callback) {
  setTimeout(() => {
    event.response.smsMessage = `[${event.triggerSource}] ${context.functionName}: ${event.request.codeParameter}`;
    event.response.emailMessage = `<p>${event.triggerSource} code ${event.request.codeParameter}</p>`;
    event.response.emailSubject = 'Branded';
    callback(null, event);
  }, 5);
};
