/**
 * The test identity provider's SAML 2.0 side: metadata at /_idp/saml/metadata, AuthnRequests over
 * the HTTP-Redirect binding at /_idp/saml/sso, and signed Responses posted back to the service
 * provider's assertion consumer service (HTTP-POST binding), as an enterprise IdP does.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import type { Services } from '../context.js';
import { escapeHtml, html, readForm, sendPage } from '../http.js';
import { FLAVOUR_LABEL, type NextSignIn, subjectFor, type TestIdentity } from './identity.js';
import { forgerySamlKey, loadSamlKey } from './keys.js';
import { takeNext } from './next.js';
import { idpRoot } from './oidc.js';
import { sendIdentityPage } from './page.js';

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const ASSERTION = 'urn:oasis:names:tc:SAML:2.0:assertion';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
/** The claim names Azure AD / ADFS use, which Cognito pools commonly map. */
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

interface AuthnRequestInfo {
  id: string;
  acs: string;
  audience: string;
  relayState: string;
}

export async function handleSaml(svc: Services, req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
  if (action === 'metadata' && req.method === 'GET') return metadata(svc, res);
  if (action === 'sso' && req.method === 'GET') return ssoRedirect(svc, req, res);
  if (action === 'sso' && req.method === 'POST') return ssoForm(svc, req, res);
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
}

async function metadata(svc: Services, res: ServerResponse): Promise<void> {
  const root = idpRoot(svc, 'saml');
  const { certBase64 } = await loadSamlKey(svc.store);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${root}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${PROTOCOL}">
    <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>${EMAIL_FORMAT}</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${root}/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
  res.writeHead(200, { 'Content-Type': 'application/samlmetadata+xml', 'Content-Length': Buffer.byteLength(xml), 'Cache-Control': 'no-store' });
  res.end(xml);
}

function invalid(res: ServerResponse, why: string): void {
  sendPage(res, 400, { title: 'Invalid SAML request', body: html`<h1>Invalid SAML request</h1><p>${why}</p>` });
}

/** What the service provider asked: its request id, where to post the answer, and its entity id. */
function parseAuthnRequest(encoded: string): Omit<AuthnRequestInfo, 'relayState'> | undefined {
  try {
    const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
    const doc = new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } }).parseFromString(xml, 'text/xml');
    const request = doc.getElementsByTagNameNS(PROTOCOL, 'AuthnRequest')[0];
    const issuer = request?.getElementsByTagNameNS(ASSERTION, 'Issuer')[0]?.textContent?.trim();
    const id = request?.getAttribute('ID');
    const acs = request?.getAttribute('AssertionConsumerServiceURL');
    return request && id && acs && issuer && /^https:\/\//.test(acs) ? { id, acs, audience: issuer } : undefined;
  } catch {
    return undefined;
  }
}

async function ssoRedirect(svc: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const query = new URL(req.url ?? '/', 'https://idp').searchParams;
  const parsed = parseAuthnRequest(query.get('SAMLRequest') ?? '');
  if (!parsed) return invalid(res, 'SAMLRequest must be a deflated, base64 AuthnRequest with an ID, an https AssertionConsumerServiceURL and an Issuer.');
  const request = { ...parsed, relayState: query.get('RelayState') ?? '' };
  const next = takeNext(svc, 'saml');
  if (next) return postResponse(svc, res, request, next);
  return sendIdentityPage(res, { flavour: 'saml', action: `${idpRoot(svc, 'saml')}/sso`, hidden: { request_id: request.id, acs: request.acs, audience: request.audience, relay_state: request.relayState } });
}

async function ssoForm(svc: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const request = { id: form.get('request_id') ?? '', acs: form.get('acs') ?? '', audience: form.get('audience') ?? '', relayState: form.get('relay_state') ?? '' };
  if (!request.id || !/^https:\/\//.test(request.acs) || !request.audience) return invalid(res, 'The sign-in form lost its request: start the sign-in again.');
  if (form.get('action') === 'cancel') return postResponse(svc, res, request, { error: { error: 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed', description: 'The user cancelled the sign-in.' } });
  const email = (form.get('email') ?? '').trim();
  const name = (form.get('name') ?? '').trim() || email.split('@')[0];
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    return sendIdentityPage(
      res,
      { flavour: 'saml', action: `${idpRoot(svc, 'saml')}/sso`, hidden: { request_id: request.id, acs: request.acs, audience: request.audience, relay_state: request.relayState }, email, name, error: 'Enter an e-mail address, like ann@example.com.' },
      400,
    );
  }
  return postResponse(svc, res, request, { identity: { email, name } });
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const newId = () => `_${randomBytes(20).toString('hex')}`;

function assertionXml(root: string, request: AuthnRequestInfo, identity: TestIdentity, id: string): string {
  const now = Date.now();
  const nameId = subjectFor('saml', identity);
  const [given, ...rest] = identity.name.split(/\s+/);
  const attributes: [string, string][] = [
    ['email', identity.email],
    [`${CLAIMS}/emailaddress`, identity.email],
    ['name', identity.name],
    [`${CLAIMS}/givenname`, given ?? ''],
    [`${CLAIMS}/surname`, rest.join(' ')],
  ];
  const attr = attributes
    .map(([n, v]) => `<saml:Attribute Name="${escapeHtml(n)}"><saml:AttributeValue>${escapeHtml(v)}</saml:AttributeValue></saml:Attribute>`)
    .join('');
  return (
    `<saml:Assertion xmlns:saml="${ASSERTION}" ID="${id}" Version="2.0" IssueInstant="${iso(now)}">` +
    `<saml:Issuer>${escapeHtml(root)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${EMAIL_FORMAT}">${escapeHtml(nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${iso(now + 300_000)}" Recipient="${escapeHtml(request.acs)}" InResponseTo="${escapeHtml(request.id)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${iso(now - 60_000)}" NotOnOrAfter="${iso(now + 300_000)}"><saml:AudienceRestriction><saml:Audience>${escapeHtml(request.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${newId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attr}</saml:AttributeStatement>` +
    `</saml:Assertion>`
  );
}

/** Enveloped RSA-SHA256 signature, placed after the Issuer as the schema wants it. */
function sign(xml: string, elementId: string, key: { key: string; cert: string }): string {
  const sig = new SignedXml({
    privateKey: key.key,
    publicCert: key.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: `//*[@ID='${elementId}']`,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, { location: { reference: `//*[@ID='${elementId}']/*[local-name()='Issuer']`, action: 'after' } });
  return sig.getSignedXml();
}

/** The signed Response (or a failure status), and a page that posts it to the service provider. */
async function postResponse(svc: Services, res: ServerResponse, request: AuthnRequestInfo, next: NextSignIn): Promise<void> {
  const root = next.tamper === 'issuer' ? 'https://issuer.example.invalid' : idpRoot(svc, 'saml');
  const key = next.tamper === 'signature' ? await forgerySamlKey() : await loadSamlKey(svc.store);
  const responseId = newId();
  const status = next.error
    ? `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="${escapeHtml(next.error.error.startsWith('urn:') ? next.error.error : 'urn:oasis:names:tc:SAML:2.0:status:AuthnFailed')}"/></samlp:StatusCode>${next.error.description ? `<samlp:StatusMessage>${escapeHtml(next.error.description)}</samlp:StatusMessage>` : ''}</samlp:Status>`
    : `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>`;
  let assertion = '';
  if (next.identity) {
    const audience = next.tamper === 'audience' ? 'urn:amazon:cognito:sp:another-pool' : request.audience;
    const assertionId = newId();
    assertion = sign(assertionXml(root, { ...request, audience }, next.identity, assertionId), assertionId, key);
  }
  const xml =
    `<samlp:Response xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${responseId}" Version="2.0" IssueInstant="${iso(Date.now())}" Destination="${escapeHtml(request.acs)}" InResponseTo="${escapeHtml(request.id)}">` +
    `<saml:Issuer>${escapeHtml(root)}</saml:Issuer>${status}${assertion}</samlp:Response>`;
  sendPage(res, 200, {
    title: `Signing in with ${FLAVOUR_LABEL.saml}`,
    scripts: ['/_idp/post.js'],
    body: html`<h1>Signing you in…</h1>
<form method="post" action="${request.acs}" data-auto-submit>
<input type="hidden" name="SAMLResponse" value="${Buffer.from(xml).toString('base64')}">
<input type="hidden" name="RelayState" value="${request.relayState}">
<p class="note">Your browser is returning you to the application.</p>
<div class="actions"><button class="primary" type="submit">Continue</button></div>
</form>`,
  });
}

/** Submits the SAML POST-binding form as soon as the page loads (a file: the page's CSP allows no inline script). */
export const POST_SCRIPT = `document.querySelector('form[data-auto-submit]')?.submit();\n`;
