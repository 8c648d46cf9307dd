"""Independent numpy reference of the SD 1.5 forward passes (LDM openaimodel/attention/autoencoder, HF CLIPTextModel),
in float64, checked against what the Java engine computed on the same tiny checkpoint.

    mvn -o -q test -pl modules/engine-djl -Dtest=ReferenceDumpTest -Datelier.referenceDump=/tmp/refcheck
    python3 modules/engine-djl/src/test/python/sd15_reference.py /tmp/refcheck

Needs only numpy. Prints the largest absolute and relative error per output; about 1e-6 relative is F32 rounding.
"""
import json, struct, numpy as np, math, sys
from math import erf
def load(p):
    b=open(p,'rb').read(); n=struct.unpack('<Q',b[:8])[0]; h=json.loads(b[8:8+n]); d=b[8+n:]; out={}
    for k,v in h.items():
        if k=='__metadata__': continue
        s,e=v['data_offsets']; raw=d[s:e]; dt=v['dtype']
        if dt=='F32': a=np.frombuffer(raw,'<f4')
        elif dt=='F16': a=np.frombuffer(raw,'<f2').astype(np.float64)
        elif dt=='BF16': a=(np.frombuffer(raw,'<u2').astype(np.uint32)<<16).view(np.float32)
        elif dt=='I64': a=np.frombuffer(raw,'<i8')
        out[k]=a.astype(np.float64).reshape(v['shape'])
    return out
DIR=sys.argv[1] if len(sys.argv)>1 else '/tmp/refcheck'
W=load(DIR+'/tiny.safetensors'); O=load(DIR+'/outputs.safetensors')
def conv(x,p,stride=1,pad=None):
    w=W[p+'.weight']; b=W[p+'.bias']; k=w.shape[2]
    if pad is None: pad=k//2
    if isinstance(pad,int): x=np.pad(x,((0,0),(0,0),(pad,pad),(pad,pad)))
    else: x=np.pad(x,((0,0),(0,0),(pad[2],pad[3]),(pad[0],pad[1])))
    B,C,H,Wd=x.shape; oh=(H-k)//stride+1; ow=(Wd-k)//stride+1
    cols=np.zeros((B,C,k,k,oh,ow))
    for i in range(k):
        for j in range(k):
            cols[:,:,i,j]=x[:,:,i:i+stride*oh:stride,j:j+stride*ow:stride]
    return np.einsum('bcijhw,ocij->bohw',cols,w)+b[None,:,None,None]
def lin(x,p,bias=True):
    y=x@W[p+'.weight'].T
    return y+W[p+'.bias'] if bias else y
def gn(x,p,eps,G=32):
    B,C=x.shape[:2]; g=x.reshape(B,G,-1); m=g.mean(-1,keepdims=True); v=g.var(-1,keepdims=True)
    y=((g-m)/np.sqrt(v+eps)).reshape(x.shape)
    return y*W[p+'.weight'][None,:,None,None]+W[p+'.bias'][None,:,None,None]
def ln(x,p,eps=1e-5):
    m=x.mean(-1,keepdims=True); v=x.var(-1,keepdims=True); return (x-m)/np.sqrt(v+eps)*W[p+'.weight']+W[p+'.bias']
silu=lambda x:x/(1+np.exp(-x))
gelu=np.vectorize(lambda x:0.5*x*(1+erf(x/math.sqrt(2))))
def softmax(x):
    x=x-x.max(-1,keepdims=True); e=np.exp(x); return e/e.sum(-1,keepdims=True)
def mha(q,k,v,h,mask=None):
    B,N,C=q.shape; M=k.shape[1]; d=C//h
    q=q.reshape(B,N,h,d).transpose(0,2,1,3); k=k.reshape(B,M,h,d).transpose(0,2,1,3); v=v.reshape(B,M,h,d).transpose(0,2,1,3)
    s=q@k.transpose(0,1,3,2)*d**-0.5
    if mask is not None: s=s+mask
    return (softmax(s)@v).transpose(0,2,1,3).reshape(B,N,C)
# ---- CLIP (HF CLIPTextTransformer) ----
def clip(tokens, skip, heads=4):
    P='cond_stage_model.transformer.text_model.'
    ids=tokens.astype(int); N=ids.shape[1]
    h=W[P+'embeddings.token_embedding.weight'][ids]+W[P+'embeddings.position_embedding.weight'][:N]
    mask=np.triu(np.full((N,N),-np.inf),1)
    L=0
    while P+f'encoder.layers.{L}.layer_norm1.weight' in W: L+=1
    hidden=[h]
    for l in range(L):
        p=P+f'encoder.layers.{l}.'
        r=h; x=ln(h,p+'layer_norm1')
        x=lin(mha(lin(x,p+'self_attn.q_proj'),lin(x,p+'self_attn.k_proj'),lin(x,p+'self_attn.v_proj'),heads,mask),p+'self_attn.out_proj'); h=r+x
        r=h; x=lin(ln(h,p+'layer_norm2'),p+'mlp.fc1'); x=x/(1+np.exp(-1.702*x)); h=r+lin(x,p+'mlp.fc2')
        hidden.append(h)
    return ln(hidden[-skip],P+'final_layer_norm')
# ---- UNet (LDM openaimodel, SD 1.5 config) ----
U='model.diffusion_model.'
def resblock(x,emb,p):
    h=conv(silu(gn(x,p+'in_layers.0',1e-5)),p+'in_layers.2')
    h=h+lin(silu(emb),p+'emb_layers.1')[:,:,None,None]
    h=conv(silu(gn(h,p+'out_layers.0',1e-5)),p+'out_layers.3')
    skip=conv(x,p+'skip_connection') if p+'skip_connection.weight' in W else x
    return skip+h
def spatial(x,ctx,p,heads=8):
    B,C,H,Wd=x.shape; xin=x
    x=conv(gn(x,p+'norm',1e-6),p+'proj_in'); x=x.reshape(B,C,H*Wd).transpose(0,2,1)
    d=0
    while p+f'transformer_blocks.{d}.norm1.weight' in W:
        b=p+f'transformer_blocks.{d}.'
        n=ln(x,b+'norm1'); x=lin(mha(lin(n,b+'attn1.to_q',False),lin(n,b+'attn1.to_k',False),lin(n,b+'attn1.to_v',False),heads),b+'attn1.to_out.0')+x
        n=ln(x,b+'norm2'); x=lin(mha(lin(n,b+'attn2.to_q',False),lin(ctx,b+'attn2.to_k',False),lin(ctx,b+'attn2.to_v',False),heads),b+'attn2.to_out.0')+x
        n=ln(x,b+'norm3'); pr=lin(n,b+'ff.net.0.proj'); a,g=np.split(pr,2,-1); x=lin(a*gelu(g),b+'ff.net.2')+x
        d+=1
    x=x.transpose(0,2,1).reshape(B,C,H,Wd)
    return conv(x,p+'proj_out')+xin
def tsemb(t,dim):
    half=dim//2; f=np.exp(-math.log(10000)*np.arange(half)/half); a=t[:,None]*f[None]
    return np.concatenate([np.cos(a),np.sin(a)],-1)
def block(x,emb,ctx,p):
    if p+'0.op.weight' in W: return conv(x,p+'0.op',stride=2,pad=1)
    if p+'0.in_layers.0.weight' in W: x=resblock(x,emb,p+'0.')
    else: return conv(x,p+'0')
    i=1
    if p+'1.proj_in.weight' in W: x=spatial(x,ctx,p+'1.'); i=2
    if p+f'{i}.conv.weight' in W: x=np.repeat(np.repeat(x,2,2),2,3); x=conv(x,p+f'{i}.conv')
    return x
def unet(x,t,ctx):
    mc=W[U+'input_blocks.0.0.weight'].shape[0]
    emb=lin(silu(lin(tsemb(t,mc),U+'time_embed.0')),U+'time_embed.2')
    hs=[]; h=x; i=0
    while U+f'input_blocks.{i}.0.weight' in W or U+f'input_blocks.{i}.0.op.weight' in W or U+f'input_blocks.{i}.0.in_layers.0.weight' in W:
        h=block(h,emb,ctx,U+f'input_blocks.{i}.'); hs.append(h); i+=1
    h=resblock(h,emb,U+'middle_block.0.'); h=spatial(h,ctx,U+'middle_block.1.'); h=resblock(h,emb,U+'middle_block.2.')
    i=0
    while U+f'output_blocks.{i}.0.in_layers.0.weight' in W:
        h=np.concatenate([h,hs.pop()],1); h=block(h,emb,ctx,U+f'output_blocks.{i}.'); i+=1
    return conv(silu(gn(h,U+'out.0',1e-5)),U+'out.2')
# ---- VAE (LDM autoencoder) ----
V='first_stage_model.'
def vres(x,p):
    h=conv(silu(gn(x,p+'norm1',1e-6)),p+'conv1'); h=conv(silu(gn(h,p+'norm2',1e-6)),p+'conv2')
    return (conv(x,p+'nin_shortcut') if p+'nin_shortcut.weight' in W else x)+h
def vattn(x,p):
    B,C,H,Wd=x.shape; h=gn(x,p+'norm',1e-6)
    q=conv(h,p+'q').reshape(B,C,-1).transpose(0,2,1); k=conv(h,p+'k').reshape(B,C,-1); v=conv(h,p+'v').reshape(B,C,-1)
    w=softmax(q@k*C**-0.5)  # [B, HW, HW]
    o=(v@w.transpose(0,2,1)).reshape(B,C,H,Wd)
    return x+conv(o,p+'proj_out')
def vmid(x,p): return vres(vattn(vres(x,p+'block_1.'),p+'attn_1.'),p+'block_2.')
def enc(x):
    p=V+'encoder.'; h=conv(x,p+'conv_in'); i=0
    while p+f'down.{i}.block.0.conv1.weight' in W:
        j=0
        while p+f'down.{i}.block.{j}.conv1.weight' in W: h=vres(h,p+f'down.{i}.block.{j}.'); j+=1
        if p+f'down.{i}.downsample.conv.weight' in W: h=conv(h,p+f'down.{i}.downsample.conv',stride=2,pad=(0,1,0,1))
        i+=1
    h=conv(silu(gn(vmid(h,p+'mid.'),p+'norm_out',1e-6)),p+'conv_out'); m=conv(h,V+'quant_conv',pad=0)
    return m[:,:4], np.clip(m[:,4:],-30,20)
def dec(z):
    p=V+'decoder.'; z=conv(z/0.18215,V+'post_quant_conv'); h=vmid(conv(z,p+'conv_in'),p+'mid.')
    n=0
    while p+f'up.{n}.block.0.conv1.weight' in W: n+=1
    for i in reversed(range(n)):
        j=0
        while p+f'up.{i}.block.{j}.conv1.weight' in W: h=vres(h,p+f'up.{i}.block.{j}.'); j+=1
        if p+f'up.{i}.upsample.conv.weight' in W: h=conv(np.repeat(np.repeat(h,2,2),2,3),p+f'up.{i}.upsample.conv')
    return conv(silu(gn(h,p+'norm_out',1e-6)),p+'conv_out')
def cmp(name,ref,got):
    err=np.abs(ref-got).max(); scale=np.abs(ref).max(); print(f'{name:8s} max|ref|={scale:.4f} max err={err:.2e} rel={err/scale:.2e}')
c1=clip(O['tokens'],1); c2=clip(O['tokens'],2)
cmp('ctx1',c1,O['ctx1']); cmp('ctx2',c2,O['ctx2'])
cmp('eps',unet(O['latents'],np.array([17.,803.]),O['ctx2']),O['eps'])
m,lv=enc(O['image']); cmp('mean',m,O['mean']); cmp('logvar',lv,O['logvar'])
cmp('decoded',dec(O['latents'][0:1,:,0:2,0:2]),O['decoded'])
