# Writes the realistic-paste corpus next to this file (python3 generate.py); PasteCorpusTest reads it.
# Generates the realistic-paste corpus: random codes, never real. Deterministic (fixed seed).
import random, os, string, json
R = random.Random(20261204)
OUT = os.path.dirname(os.path.abspath(__file__))
for f in os.listdir(OUT):
    if f.endswith('.txt') or f.endswith('.expected'): os.remove(os.path.join(OUT, f))
LAD = string.ascii_lowercase + string.digits
HEX = '0123456789abcdef'
def rnd(alpha, n): return ''.join(R.choice(alpha) for _ in range(n))
def lad(n, need_digit=True):
    while True:
        c = rnd(LAD, n)
        if not need_digit or any(ch.isdigit() for ch in c): return c
def grp(s, size, sep): return sep.join(s[i:i+size] for i in range(0, len(s), size))
cases = []
def case(name, kind, app, text, codes=None, refused=None):
    cases.append((name, kind, app, text, codes, refused))

# app code makers: (saved, shown)
def google():  c = rnd(string.digits, 8); return c, c[:4] + ' ' + c[4:]
def github():  c = rnd(HEX, 10); s = c[:5] + '-' + c[5:]; return s, s
def gitlab():  c = rnd(HEX, 16); return c, c
def discord(): c = lad(8); return c, c[:4] + '-' + c[4:]
def microsoft(): c = lad(25).upper(); s = grp(c, 5, '-'); return s, s
def bitwarden(): c = lad(32).upper(); return c, grp(c, 4, ' ')
def atlassian(): c = lad(24).upper(); return c, c
def apple(): c = lad(28).upper(); s = grp(c, 4, '-'); return s, s
def npm(): c = rnd(HEX, 64); return c, c
def docker(): c = lad(32); return c, c
def cloudflare(): c = lad(16); s = grp(c, 4, '-'); return s, s
def reddit(): c = rnd(string.digits, 6); return c, c
def zoom(): c = lad(8).upper(); return c, c
def proton(): c = lad(8); return c, c
def xcode(): c = lad(12); return c, c
APPS = {'google': (google, 10, 'Google'), 'slack': (google, 10, 'Slack'), 'dropbox': (google, 10, 'Dropbox'),
        'facebook': (google, 10, 'Facebook'), 'instagram': (google, 5, 'Instagram'), 'github': (github, 16, 'GitHub'),
        'gitlab': (gitlab, 10, 'GitLab'), 'pypi': (gitlab, 8, 'PyPI'), 'heroku': (gitlab, 10, 'Heroku'),
        'discord': (discord, 10, 'Discord'), 'cloudflare': (cloudflare, 10, 'Cloudflare'), 'reddit': (reddit, 10, 'Reddit'),
        'zoom': (zoom, 10, 'Zoom'), 'proton': (proton, 10, 'Proton'), 'npm': (npm, 5, 'npm')}
def rowmajor(cs):
    half = (len(cs) + 1) // 2
    out = []
    for k in range(half):
        out.append(cs[k])
        if k + half < len(cs): out.append(cs[k + half])
    return out
def codeset(app, n=None):
    maker, count, _ = APPS[app]
    return [maker() for _ in range(n or count)]
HEAD = ['{name} backup codes', 'Save your {name} recovery codes', 'Two-factor authentication\n{name} backup codes\nKeep these codes somewhere safe.',
        'Skip to main content\n{name}\nSecurity\nSigned in as alice@acme.test\n\nRecovery codes\nEach code can be used once.']
FOOT = ['', '\nGenerated 2026-11-28 14:05 UTC', '\nNeed help? Call +1 (415) 555-0100.', '\n© 2026 {name}. Privacy Terms']

# A. Baseline layouts (download, settings page, numbered, two columns, chat, json, html, csv)
for i, app in enumerate(list(APPS) * 3):
    name = APPS[app][2]
    cs = codeset(app)
    layout = i % 8
    shown = [s for _, s in cs]
    if layout == 0: body = '\n'.join(shown)
    elif layout == 1: body = '\n'.join(f'{k+1}. {s}' for k, s in enumerate(shown))
    elif layout == 2:
        half = (len(shown) + 1) // 2
        body = '\n'.join(shown[k] + ('\t' + shown[k+half] if k+half < len(shown) else '') for k in range(half))
    elif layout == 3:
        half = (len(shown) + 1) // 2
        body = '\n'.join(f'{k+1}. {shown[k]}' + (f'    {k+half+1}. {shown[k+half]}' if k+half < len(shown) else '') for k in range(half))
    elif layout == 4: body = 'hey, here are the ' + name + ' codes for the shared account:\n' + '\n'.join(shown) + '\nthanks!'
    elif layout == 5: body = json.dumps({'service': name, 'backup_codes': shown}, indent=2)
    elif layout == 6: body = '<html><body><h1>' + name + ' recovery codes</h1><ul>' + ''.join(f'<li>{s}</li>' for s in shown) + '</ul><script>var t="abcd1234";</script></body></html>'
    else: body = 'code,status\n' + '\n'.join(f'"{s}",unused' for s in shown)
    if layout in (0, 1, 2, 3):
        body = R.choice(HEAD).format(name=name) + '\n\n' + body + R.choice(FOOT).format(name=name)
    case(f"baseline-{app}-{i:02d}", "baseline", None if i % 3 == 0 else app, body, [(s if layout == 7 and i % 3 == 0 else c) for c, s in (rowmajor(cs) if layout == 2 else cs)])

# B. One long key printed in groups
for i in range(30):
    kind = i % 6
    if kind == 0:
        c, _ = bitwarden(); text = 'Bitwarden recovery code\n\n' + grp(c.lower() if i % 4 == 0 else c, 4, ' '); app = 'bitwarden'
    elif kind == 1:
        c, _ = bitwarden(); g = grp(c, 4, ' ').split(' '); text = 'Your recovery code:\n' + ' '.join(g[:4]) + '\n' + ' '.join(g[4:]); app = 'bitwarden'
    elif kind == 2:
        c, _ = atlassian(); text = 'Emergency recovery key\n' + (grp(c, 4, ' ') if i % 4 else grp(c, 4, ' ').replace(' ', '\n', 2)); app = 'atlassian'
        g = grp(c, 4, ' ').split(' ')
        text = 'Emergency recovery key\n' + ('\n'.join(' '.join(g[k:k+2]) for k in range(0, 6, 2)) if i % 4 else ' '.join(g))
    elif kind == 3:
        c, _ = apple(); bare = c.replace('-', ''); g = grp(bare, 4, ' ').split(' ')
        text = 'Recovery Key\n' + ' '.join(g[:4]) + '\n' + ' '.join(g[4:]); app = 'apple'
    elif kind == 4:
        c, _ = docker(); text = 'Docker Hub recovery code: ' + grp(c, 4, ' '); app = 'dockerhub'
    else:
        cs = codeset('npm'); app = 'npm'
        text = 'npm recovery codes\n' + '\n'.join(grp(c, 4, ' ')[:39] + '\n' + grp(c, 4, ' ')[40:] for c, _ in cs)
        case(f'grouped-key-{i:02d}', 'grouped', app, text, [c for c, _ in cs]); continue
    letter_spaced = (i // 6) == 4
    if letter_spaced and kind in (0, 4):
        text = text.split('\n')[0] + '\n' + ' '.join(c)
    case(f'grouped-key-{i:02d}', 'grouped', app, text, [c])

# C. PDF-extraction splits
for i in range(25):
    app = ['google', 'github', 'slack', 'gitlab', 'discord'][i % 5]
    cs = codeset(app)
    name = APPS[app][2]
    mode = (i // 5) % 3
    if mode == 0:  # halves on separate lines
        lines = []
        for c, s in cs:
            if app == 'gitlab': lines += [c[:8], c[8:]]
            else: lines += s.replace('-', ' ').split(' ')
        text = name + ' backup codes\n' + '\n'.join(lines)
    elif mode == 1:  # every character separated by spaces
        text = name + ' backup codes\n' + '\n'.join(' '.join(s.replace(' ', '')) if app != 'github' else ' '.join(s) for _, s in cs)
    else:  # letter-spaced two columns
        half = len(cs) // 2
        text = name + ' backup codes\n' + '\n'.join(' '.join(cs[k][1]) + '     ' + ' '.join(cs[k+half][1]) for k in range(half))
        cs = [cs[k] for k in range(len(cs))]
        order = []
        for k in range(half): order += [cs[k], cs[k+half]]
        cs = order
    case(f'pdf-split-{app}-{i:02d}', 'pdf', app, text, [c for c, _ in cs])

# D. Retyped by hand (other case, other separators)
for i in range(20):
    app = ['github', 'google', 'discord', 'cloudflare', 'microsoft'][i % 5]
    if app == 'microsoft':
        c, s = microsoft(); typed = [s.lower(), s.replace('-', ' '), s.replace('-', ''), s.lower().replace('-', ' ')][i // 5]
        case(f'retyped-{app}-{i:02d}', 'retyped', app, 'microsoft recovery code\n' + typed, [c]); continue
    cs = codeset(app)
    out = []
    for c, s in cs:
        if app == 'github': t = [s.upper(), s.replace('-', ' '), s.replace('-', ''), s.upper().replace('-', '')][i // 5]
        elif app == 'google': t = [s.replace(' ', '-'), s.replace(' ', ''), s, s.replace(' ', '-')][i // 5]
        elif app == 'discord': t = [s.upper(), s.replace('-', ''), s.replace('-', ' '), s.upper().replace('-', '')][i // 5]
        else: t = [s.upper(), s.replace('-', ''), s.replace('-', ' '), s.upper().replace('-', ' ')][i // 5]
        out.append(t)
    case(f'retyped-{app}-{i:02d}', 'retyped', app, 'codes (typed from the printout)\n' + '\n'.join(out), [c for c, _ in cs])

# E. Look-alikes: never codes
B32 = string.ascii_uppercase + '234567'
def tok(alpha, n): return rnd(alpha, n)
AZ = string.ascii_letters + string.digits
looks = [
    ('totp-uri', lambda: f'otpauth://totp/Acme:alice@acme.test?secret={tok(B32, 32)}&issuer=Acme'),
    ('totp-seed-labelled', lambda: f'Can\'t scan the QR code? Enter this key instead:\n{grp(tok(B32, 32).lower(), 4, " ")}'),
    ('totp-seed-secret', lambda: f'Secret: {tok(B32, 16)}'),
    ('totp-setup-key', lambda: f'Setup key\n{grp(tok(B32, 32), 4, " ")}'),
    ('github-pat-classic', lambda: f'ghp_{tok(AZ, 36)}'),
    ('github-pat-fine', lambda: f'github_pat_{tok(AZ, 22)}_{tok(AZ, 59)}'),
    ('slack-bot-token', lambda: f'xoxb-{tok(string.digits, 12)}-{tok(string.digits, 13)}-{tok(AZ, 24)}'),
    ('slack-user-token', lambda: f'SLACK_TOKEN=xoxp-{tok(string.digits, 12)}-{tok(string.digits, 12)}-{tok(string.digits, 13)}-{tok(HEX, 32)}'),
    ('openai-key', lambda: f'sk-{tok(AZ, 48)}'),
    ('openai-project-key', lambda: f'OPENAI_API_KEY=sk-proj-{tok(AZ, 64)}'),
    ('aws-access-key', lambda: f'aws_access_key_id = AKIA{tok(string.ascii_uppercase + string.digits, 16)}\naws_secret_access_key = {tok(AZ, 40)}'),
    ('gitlab-pat', lambda: f'glpat-{tok(AZ, 20)}'),
    ('npm-token', lambda: f'//registry.npmjs.org/:_authToken=npm_{tok(AZ, 36)}'),
    ('pypi-token', lambda: f'pypi-AgEIcHlwaS5vcmc{tok(AZ, 60)}'),
    ('stripe-key', lambda: f'sk_live_{tok(AZ, 24)}'),
    ('onepassword-secret-key', lambda: 'A3-' + '-'.join([tok(string.ascii_uppercase + string.digits, 6), tok(string.ascii_uppercase + string.digits, 6), tok(string.ascii_uppercase + string.digits, 5), tok(string.ascii_uppercase + string.digits, 5), tok(string.ascii_uppercase + string.digits, 5), tok(string.ascii_uppercase + string.digits, 5)])),
    ('onepassword-emergency-kit', lambda: 'Emergency Kit\nSign-in address: my.1password.com\nEmail: alice@acme.test\nSecret Key\nA3-' + '-'.join([tok(string.ascii_uppercase + string.digits, 6), tok(string.ascii_uppercase + string.digits, 6), tok(string.ascii_uppercase + string.digits, 5), tok(string.ascii_uppercase + string.digits, 5), tok(string.ascii_uppercase + string.digits, 5), tok(string.ascii_uppercase + string.digits, 5)])),
    ('seed-phrase-12', lambda: ' '.join(R.choice(BIP) for _ in range(12))),
    ('seed-phrase-24-numbered', lambda: '\n'.join(f'{k+1}. {R.choice(BIP)}' for k in range(24))),
    ('product-key', lambda: 'Product key: ' + '-'.join(tok(string.ascii_uppercase + string.digits, 5) for _ in range(5))),
    ('licence-key', lambda: 'Licence key\n' + '-'.join(tok(string.ascii_uppercase + string.digits, 4) for _ in range(4))),
    ('sms-google', lambda: f'G-{tok(string.digits, 6)} is your Google verification code.'),
    ('sms-instagram', lambda: f'{tok(string.digits, 3)} {tok(string.digits, 3)} is your Instagram code. Don\'t share it.'),
    ('sms-generic', lambda: f'Your Acme verification code is {tok(string.digits, 6)}. It expires in 10 minutes.'),
    ('sms-use', lambda: f'Use {tok(string.digits, 6)} to sign in to Acme. Never share this code.'),
    ('script-only-page', lambda: '<html><head><script>window.__state={"codes":["' + tok(HEX, 10) + '"]};</script></head><body></body></html>'),
    ('bitwarden-api-key', lambda: f'client_id: user.{tok(HEX, 8)}-{tok(HEX, 4)}-{tok(HEX, 4)}-{tok(HEX, 4)}-{tok(HEX, 12)}\nclient_secret: {tok(AZ, 30)}'),
    ('jwt', lambda: 'eyJhbGciOiJIUzI1NiJ9.' + tok(AZ, 40) + '.' + tok(AZ, 43)),
]
BIP = ['abandon', 'ability', 'able', 'about', 'above', 'absent', 'absorb', 'abstract', 'absurd', 'abuse', 'access', 'accident', 'account', 'accuse', 'achieve', 'acid', 'acoustic', 'acquire', 'across', 'act', 'action', 'actor', 'actress', 'actual', 'adapt', 'add', 'addict', 'address', 'adjust', 'admit', 'adult', 'advance', 'advice', 'aerobic', 'affair', 'afford', 'afraid', 'again', 'age', 'agent', 'agree', 'ahead', 'aim', 'air', 'airport', 'aisle', 'alarm', 'album', 'alcohol', 'alert', 'alien', 'all', 'alley', 'allow', 'almost', 'alone', 'alpha', 'already', 'also', 'alter', 'always', 'amateur', 'amazing', 'among', 'amount', 'amused', 'analyst', 'anchor', 'ancient', 'anger', 'angle', 'angry', 'animal', 'ankle', 'announce', 'annual', 'another', 'answer', 'antenna', 'antique', 'anxiety', 'any', 'apart', 'apology', 'appear', 'apple', 'approve', 'april', 'arch', 'arctic', 'area', 'arena', 'argue', 'arm', 'armed', 'armor', 'army', 'around', 'arrange', 'arrest', 'arrive', 'arrow', 'art', 'artefact', 'artist', 'artwork', 'ask', 'aspect', 'assault', 'asset', 'assist', 'assume', 'asthma', 'athlete', 'atom', 'attack', 'attend', 'attitude', 'attract', 'auction', 'audit', 'august', 'aunt', 'author', 'auto', 'autumn', 'average', 'avocado', 'avoid', 'awake', 'aware', 'away', 'awesome', 'awful', 'awkward', 'axis', 'baby', 'bachelor', 'bacon', 'badge', 'bag', 'balance', 'balcony', 'ball', 'bamboo', 'banana', 'banner', 'bar', 'barely', 'bargain', 'barrel', 'base', 'basic', 'basket', 'battle', 'beach', 'bean', 'beauty', 'because', 'become', 'beef', 'before', 'begin', 'behave', 'behind', 'believe', 'below', 'belt', 'bench', 'benefit', 'best', 'betray', 'better', 'between', 'beyond', 'bicycle', 'bid', 'bike', 'bind', 'biology', 'bird', 'birth', 'bitter', 'black', 'blade', 'blame', 'blanket', 'blast', 'bleak', 'bless', 'blind', 'blood', 'blossom', 'blouse', 'blue', 'blur', 'blush', 'board', 'boat', 'body', 'boil', 'bomb', 'bone', 'bonus', 'book', 'boost', 'border', 'boring', 'borrow', 'boss', 'bottom', 'bounce', 'box', 'boy', 'bracket', 'brain', 'brand', 'brass', 'brave', 'bread', 'breeze', 'brick', 'bridge', 'brief', 'bright', 'bring', 'brisk', 'broccoli', 'broken', 'bronze', 'broom', 'brother', 'brown', 'brush', 'bubble', 'buddy', 'budget', 'buffalo', 'build', 'bulb', 'bulk', 'bullet', 'bundle', 'bunker', 'burden', 'burger', 'burst', 'bus', 'business', 'busy', 'butter', 'buyer', 'buzz', 'cabbage', 'cabin', 'cable', 'cactus', 'cage', 'cake', 'call', 'calm', 'camera', 'camp', 'canal', 'cancel', 'candy', 'cannon', 'canoe', 'canvas', 'canyon', 'capable', 'capital', 'captain', 'car', 'carbon', 'card', 'cargo', 'carpet', 'carry', 'cart', 'case', 'cash', 'casino', 'castle', 'casual', 'catalog', 'catch', 'category', 'cattle', 'caught', 'cause', 'caution', 'cave', 'ceiling', 'celery', 'cement', 'census', 'century', 'cereal', 'certain', 'chair', 'chalk', 'champion', 'change', 'chaos', 'chapter', 'charge', 'chase', 'chat', 'cheap', 'check', 'cheese', 'chef', 'cherry', 'chest', 'chicken', 'chief', 'child', 'chimney', 'choice', 'choose', 'chronic', 'chuckle', 'chunk', 'churn', 'cigar', 'cinnamon', 'circle', 'citizen', 'city', 'civil', 'claim', 'clap', 'clarify', 'claw', 'clay', 'clean', 'clerk', 'clever', 'click', 'client', 'cliff', 'climb', 'clinic', 'clip', 'clock', 'clog', 'close', 'cloth', 'cloud', 'clown', 'club', 'clump', 'cluster', 'clutch', 'coach', 'coast', 'coconut', 'code', 'coffee', 'coil', 'coin', 'collect', 'color', 'column', 'combine', 'come', 'comfort', 'comic', 'common', 'company', 'concert', 'conduct', 'confirm', 'congress', 'connect', 'consider', 'control', 'convince', 'cook', 'cool', 'copper', 'copy', 'coral', 'core', 'corn', 'correct', 'cost', 'cotton', 'couch', 'country', 'couple', 'course', 'cousin', 'cover', 'coyote', 'crack', 'cradle', 'craft', 'cram', 'crane', 'crash', 'crater', 'crawl', 'crazy', 'cream', 'credit', 'creek', 'crew', 'cricket', 'crime', 'crisp', 'critic', 'crop', 'cross', 'crouch', 'crowd', 'crucial', 'cruel', 'cruise', 'crumble', 'crunch', 'crush', 'cry', 'crystal', 'cube', 'culture', 'cup', 'cupboard', 'curious', 'current', 'curtain', 'curve', 'cushion', 'custom', 'cute', 'cycle']
for i in range(len(looks) * 2):
    nm, mk = looks[i % len(looks)]
    app = [None, 'google', 'github', 'generic-app'][i % 4] if i >= len(looks) else None
    case(f'lookalike-{nm}-{i:02d}', 'lookalike', app, mk(), None, 'no_codes')

# F. Mixed separators on one line
for i in range(20):
    app = ['google', 'github', 'gitlab', 'discord', None][i % 5]
    cs = codeset(app) if app else [(c, c) for c in (lad(10) for _ in range(6))]
    shown = [s for _, s in cs]
    seps = [', ', '; ', ' | ', '\t', ',', ';', '|']
    line = ''
    for k, s in enumerate(shown):
        line += s + (R.choice(seps) if k < len(shown) - 1 else '')
    text = (APPS[app][2] + ' codes: ' if app and i % 2 else '') + line
    case(f'mixed-separators-{app or "generic"}-{i:02d}', 'mixed', app, text, [c for c, _ in cs])

# G. Used markers in Markdown lists
for i in range(20):
    app = ['google', 'github', 'gitlab', 'discord'][i % 4]
    cs = codeset(app)
    lines = []; keep = []
    style = i % 5
    for k, (c, s) in enumerate(cs):
        used = k % 3 == 1
        if style == 0: lines.append(f'- ~~{s}~~' if used else f'- {s}')
        elif style == 1: lines.append(f'- [x] {s}' if used else f'- [ ] {s}')
        elif style == 2: lines.append(f'* {s} (used)' if used else f'* {s}')
        elif style == 3: lines.append(f'{k+1}. ~~{s}~~ used 2026-10-0{k % 9 + 1}' if used else f'{k+1}. {s}')
        else: lines.append(f'- [X] ~~{s}~~' if used else f'- [ ] {s}')
        if not used: keep.append(c)
    case(f'markdown-used-{app}-{i:02d}', 'markdown', app, f'## {APPS[app][2]} backup codes\n\n' + '\n'.join(lines), keep)

# H. Apps without a plugin, distinctive shapes
for i in range(16):
    app = ['acme-vpn', 'intranet', None, 'tailnet'][i % 4]
    if i % 2 == 0:
        c = rnd(HEX, 64)
        text = ['Recovery code:\n' + c, 'Your recovery code\n\n' + grp(c, 4, ' '), c, 'recovery code: ' + c.upper()][i // 2 % 4]
        saved = c.upper() if i // 2 % 4 == 3 else c
    else:
        c = lad(32).upper(); g = grp(c, 4, '-')
        text = ['Emergency recovery key\n' + g, 'Emergency recovery key: ' + g, g, 'Keep this emergency recovery key offline\n' + g][i // 2 % 4]
        saved = g
    case(f'no-plugin-{app or "none"}-{i:02d}', 'noplugin', app, text, [saved])

for name, kind, app, text, codes, refused in cases:
    with open(os.path.join(OUT, name + '.txt'), 'w') as f: f.write(text + '\n')
    with open(os.path.join(OUT, name + '.expected'), 'w') as f:
        f.write(f'# kind: {kind}\n')
        f.write(f'app: {app or "none"}\n')
        if refused: f.write(f'refused: {refused}\n')
        else: f.write('\n'.join(codes) + '\n')
print(len(cases))
